#pragma once
// The two-variable page's own section of a scene: which overlays the map shows and how.

#include "pages/landscape/basin_settings.h"
#include "plot/surface_projection.h"
#include "scene/json_reader.h"
#include "views/state_selection.h"

#include <QJsonObject>

namespace gs::app {

struct LandscapeSettings {
    /// What the page shows: the map, the 3D surface, or both side by side ("view").
    enum class View { Map, Surface, Both };

    bool isolines = true;
    bool gradientField = false;
    bool logLevels = false;    ///< isolines spaced on a log scale of f − min ("levels")
    bool logColors = false;    ///< heat-map colors on a log scale of f − min ("color_scale")
    bool fieldUphill = false;  ///< field arrows along ∇f rather than −∇f ("field_direction")
    bool scaledArrows = false; ///< field arrows ∝ ‖∇f‖ rather than unit ("arrow_length")
    bool hessian = false;      ///< the quadratic model at the inspected point ("hessian")
    BasinSettings basins;      ///< basin-of-attraction overlay ("basins", written when shown)
    View view = View::Map;
    /// The surface's camera ("camera": {"azimuth", "elevation", "zoom"}).
    SurfaceCamera camera;
    bool statePanel = false; ///< the panel under the map shows state, not loss ("panel")
    bool logLoss = false;    ///< the loss panel's value axis on a log scale ("loss_scale")
    StateSelection state;    ///< what the state panel shows ("state")

    /// Reads and validates a scene's "landscape" section (throws SceneError through the reader).
    /// Every key is optional: a section written before a key existed keeps its default.
    static LandscapeSettings read(const JsonReader& section);
    QJsonObject toJson() const;

    bool operator==(const LandscapeSettings&) const = default;
};

} // namespace gs::app
