#pragma once
// The slices page's own section of a scene: whether the tangents of the two slices are drawn (the
// point (x₀, y₀) itself is the scene's start).

#include "scene/json_reader.h"

#include <QJsonObject>

namespace gs::app {

struct SlicesSettings {
    bool tangents = true;

    /// Reads and validates a scene's "slices" section (throws SceneError through the reader).
    static SlicesSettings read(const JsonReader& section);
    QJsonObject toJson() const;
};

} // namespace gs::app
