#pragma once
// The directional page's own section of a scene: the direction e's angle from the x axis, in
// degrees (the point itself is the scene's start).

#include "scene/json_reader.h"

#include <QJsonObject>

namespace gs::app {

struct DirectionalSettings {
    double angle = 30; ///< degrees, [0, 360]

    /// Reads and validates a scene's "directional" section (throws SceneError via the reader).
    static DirectionalSettings read(const JsonReader& section);
    QJsonObject toJson() const;
};

} // namespace gs::app
