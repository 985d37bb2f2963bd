#pragma once
// The grid-search page's own section of a scene: how many samples.

#include "scene/json_reader.h"

#include <QJsonObject>

namespace gs::app {

struct GridSearchSettings {
    static constexpr int kMinSamples = 1;
    static constexpr int kMaxSamples = 400;
    int samples = 12;

    /// Reads and validates a scene's "grid-search" section (throws SceneError through the reader).
    static GridSearchSettings read(const JsonReader& section);
    QJsonObject toJson() const;
};

} // namespace gs::app
