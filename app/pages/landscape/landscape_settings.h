#pragma once
// The two-variable page's own section of a scene: which overlays the map shows and how.

#include "pages/landscape/basin_settings.h"
#include "scene/json_reader.h"

#include <QJsonObject>

namespace gs::app {

struct LandscapeSettings {
    bool isolines = true;
    bool gradientField = false;
    bool logLevels = false;    ///< isolines spaced on a log scale of f − min ("levels")
    bool logColors = false;    ///< heat-map colors on a log scale of f − min ("color_scale")
    bool fieldUphill = false;  ///< field arrows along ∇f rather than −∇f ("field_direction")
    bool scaledArrows = false; ///< field arrows ∝ ‖∇f‖ rather than unit ("arrow_length")
    bool hessian = false;      ///< the quadratic model at the inspected point ("hessian")
    BasinSettings basins;      ///< basin-of-attraction overlay ("basins", written when shown)

    /// Reads and validates a scene's "landscape" section (throws SceneError through the reader).
    /// Every key is optional: a section written before a key existed keeps its default.
    static LandscapeSettings read(const JsonReader& section);
    QJsonObject toJson() const;

    bool operator==(const LandscapeSettings&) const = default;
};

} // namespace gs::app
