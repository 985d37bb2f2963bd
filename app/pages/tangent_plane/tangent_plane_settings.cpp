#include "pages/tangent_plane/tangent_plane_settings.h"

namespace gs::app {

TangentPlaneSettings TangentPlaneSettings::read(const JsonReader& r) {
    r.allowOnly({"patch", "field"});
    TangentPlaneSettings s;
    s.patch = r.number(QStringLiteral("patch"), kMinPatch, kMaxPatch, s.patch);
    s.field = r.boolean(QStringLiteral("field"), s.field);
    return s;
}

QJsonObject TangentPlaneSettings::toJson() const {
    return QJsonObject{{QStringLiteral("patch"), patch}, {QStringLiteral("field"), field}};
}

} // namespace gs::app
