#include "pages/landscape/landscape_settings.h"

namespace gs::app {

namespace {
const QStringList kLevels = {QStringLiteral("linear"), QStringLiteral("log")};
}

LandscapeSettings LandscapeSettings::read(const JsonReader& r) {
    r.allowOnly({"isolines", "gradient_field", "levels"});
    LandscapeSettings s;
    s.isolines = r.boolean(QStringLiteral("isolines"), s.isolines);
    s.gradientField = r.boolean(QStringLiteral("gradient_field"), s.gradientField);
    s.logLevels = r.choice(QStringLiteral("levels"), kLevels, 0) == 1;
    return s;
}

QJsonObject LandscapeSettings::toJson() const {
    QJsonObject o;
    o[QStringLiteral("isolines")] = isolines;
    o[QStringLiteral("gradient_field")] = gradientField;
    o[QStringLiteral("levels")] = kLevels[logLevels ? 1 : 0];
    return o;
}

} // namespace gs::app
