#pragma once
// The tangent-plane page's own section of a scene: the half-width of the square around p where
// the plane's contour lines are drawn, and whether the gradient field covers the map.

#include "scene/json_reader.h"

#include <QJsonObject>

namespace gs::app {

struct TangentPlaneSettings {
    static constexpr double kMinPatch = 0.05;
    static constexpr double kMaxPatch = 5;
    double patch = 0.6;
    bool field = true;

    /// Reads and validates a scene's "tangent-plane" section (throws SceneError via the reader).
    static TangentPlaneSettings read(const JsonReader& section);
    QJsonObject toJson() const;
};

} // namespace gs::app
