#include "pages/grid_search/grid_search_settings.h"

namespace gs::app {

GridSearchSettings GridSearchSettings::read(const JsonReader& r) {
    r.allowOnly({"samples"});
    GridSearchSettings s;
    s.samples = r.integer(QStringLiteral("samples"), kMinSamples, kMaxSamples, s.samples);
    return s;
}

QJsonObject GridSearchSettings::toJson() const {
    return QJsonObject{{QStringLiteral("samples"), samples}};
}

} // namespace gs::app
