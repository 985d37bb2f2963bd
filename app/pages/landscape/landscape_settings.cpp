#include "pages/landscape/landscape_settings.h"

namespace gs::app {

namespace {
const QStringList kScales = {QStringLiteral("linear"), QStringLiteral("log")};
const QStringList kDirections = {QStringLiteral("downhill"), QStringLiteral("uphill")};
const QStringList kLengths = {QStringLiteral("unit"), QStringLiteral("scaled")};
} // namespace

LandscapeSettings LandscapeSettings::read(const JsonReader& r) {
    r.allowOnly({"isolines", "gradient_field", "levels", "color_scale", "field_direction",
                 "arrow_length", "hessian", "basins"});
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
    return o;
}

} // namespace gs::app
