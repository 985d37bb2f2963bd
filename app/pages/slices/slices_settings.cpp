#include "pages/slices/slices_settings.h"

namespace gs::app {

SlicesSettings SlicesSettings::read(const JsonReader& r) {
    r.allowOnly({"tangents"});
    SlicesSettings s;
    s.tangents = r.boolean(QStringLiteral("tangents"), s.tangents);
    return s;
}

QJsonObject SlicesSettings::toJson() const {
    return QJsonObject{{QStringLiteral("tangents"), tangents}};
}

} // namespace gs::app
