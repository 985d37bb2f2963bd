#include "pages/landscape/landscape_settings.h"

namespace gs::app {

namespace {
const QStringList kScales = {QStringLiteral("linear"), QStringLiteral("log")};
const QStringList kDirections = {QStringLiteral("downhill"), QStringLiteral("uphill")};
const QStringList kLengths = {QStringLiteral("unit"), QStringLiteral("scaled")};
const QStringList kViews = {QStringLiteral("map"), QStringLiteral("surface"),
                            QStringLiteral("both")};
const QStringList kPanels = {QStringLiteral("loss"), QStringLiteral("state")};
} // namespace

LandscapeSettings LandscapeSettings::read(const JsonReader& r) {
    r.allowOnly({"isolines", "gradient_field", "levels", "color_scale", "field_direction",
                 "arrow_length", "hessian", "basins", "view", "camera", "panel", "state",
                 "loss_scale"});
    LandscapeSettings s;
    s.isolines = r.boolean(QStringLiteral("isolines"), s.isolines);
    s.gradientField = r.boolean(QStringLiteral("gradient_field"), s.gradientField);
    s.logLevels = r.choice(QStringLiteral("levels"), kScales, 0) == 1;
    // A section from before the color scale was a choice of its own looks as it did: its colors
    // follow its levels.
    s.logColors = r.choice(QStringLiteral("color_scale"), kScales, s.logLevels ? 1 : 0) == 1;
    s.fieldUphill = r.choice(QStringLiteral("field_direction"), kDirections, 0) == 1;
    s.scaledArrows = r.choice(QStringLiteral("arrow_length"), kLengths, 0) == 1;
    s.hessian = r.boolean(QStringLiteral("hessian"), s.hessian);
    if (r.has(QStringLiteral("basins")))
        s.basins = BasinSettings::read(r.object(QStringLiteral("basins")));
    s.view = View(r.choice(QStringLiteral("view"), kViews, 0));
    if (r.has(QStringLiteral("camera"))) {
        const JsonReader c = r.object(QStringLiteral("camera"));
        c.allowOnly({"azimuth", "elevation", "zoom"});
        s.camera.azimuth = c.number(QStringLiteral("azimuth"), -360, 360, s.camera.azimuth);
        s.camera.elevation = c.number(QStringLiteral("elevation"), -90, 90, s.camera.elevation);
        s.camera.zoom = c.number(QStringLiteral("zoom"), SurfaceCamera::kMinZoom,
                                 SurfaceCamera::kMaxZoom, s.camera.zoom);
        s.camera = s.camera.normalized();
    }
    s.statePanel = r.choice(QStringLiteral("panel"), kPanels, 0) == 1;
    s.logLoss = r.choice(QStringLiteral("loss_scale"), kScales, 0) == 1;
    if (r.has(QStringLiteral("state")))
        s.state = StateSelection::read(r.object(QStringLiteral("state")));
    return s;
}

QJsonObject LandscapeSettings::toJson() const {
    QJsonObject o;
    o[QStringLiteral("isolines")] = isolines;
    o[QStringLiteral("gradient_field")] = gradientField;
    o[QStringLiteral("levels")] = kScales[logLevels ? 1 : 0];
    o[QStringLiteral("color_scale")] = kScales[logColors ? 1 : 0];
    o[QStringLiteral("field_direction")] = kDirections[fieldUphill ? 1 : 0];
    o[QStringLiteral("arrow_length")] = kLengths[scaledArrows ? 1 : 0];
    o[QStringLiteral("hessian")] = hessian;
    if (basins != BasinSettings{}) o[QStringLiteral("basins")] = basins.toJson();
    o[QStringLiteral("view")] = kViews[int(view)];
    o[QStringLiteral("camera")] = QJsonObject{{QStringLiteral("azimuth"), camera.azimuth},
                                              {QStringLiteral("elevation"), camera.elevation},
                                              {QStringLiteral("zoom"), camera.zoom}};
    o[QStringLiteral("panel")] = kPanels[statePanel ? 1 : 0];
    o[QStringLiteral("loss_scale")] = kScales[logLoss ? 1 : 0];
    o[QStringLiteral("state")] = state.toJson();
    return o;
}

} // namespace gs::app
