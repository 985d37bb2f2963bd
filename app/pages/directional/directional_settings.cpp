#include "pages/directional/directional_settings.h"

namespace gs::app {

DirectionalSettings DirectionalSettings::read(const JsonReader& r) {
    r.allowOnly({"angle"});
    DirectionalSettings s;
    s.angle = r.number(QStringLiteral("angle"), 0, 360, s.angle);
    return s;
}

QJsonObject DirectionalSettings::toJson() const {
    return QJsonObject{{QStringLiteral("angle"), angle}};
}

} // namespace gs::app
