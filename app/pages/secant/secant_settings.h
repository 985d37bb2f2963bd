#pragma once
// The secant page's own section of a scene: the step h = y − x of the secant shown first (the
// point x itself is the scene's start).

#include "scene/json_reader.h"

#include <QJsonObject>

namespace gs::app {

struct SecantSettings {
    static constexpr double kMinStep = 1e-9; ///< |h| below this is rounding noise, not a limit
    static constexpr double kMaxStep = 20;
    double h = 3.0;

    /// Reads and validates a scene's "secant" section (throws SceneError through the reader).
    static SecantSettings read(const JsonReader& section);
    QJsonObject toJson() const;
};

} // namespace gs::app
