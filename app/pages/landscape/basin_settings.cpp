#include "pages/landscape/basin_settings.h"

namespace gs::app {

namespace {
// The map costs resolution² runs: 400² is a few seconds for the slower optimizers.
constexpr int kMaxResolution = 400;
constexpr int kMaxRuns = 64;
} // namespace

BasinSettings BasinSettings::read(const JsonReader& r) {
    r.allowOnly({"show", "run", "resolution", "preview"});
    BasinSettings s;
    s.show = r.boolean(QStringLiteral("show"), s.show);
    s.run = r.integer(QStringLiteral("run"), 0, kMaxRuns - 1, s.run);
    s.resolution = r.integer(QStringLiteral("resolution"), 8, kMaxResolution, s.resolution);
    s.preview =
        r.integer(QStringLiteral("preview"), 8, s.resolution, std::min(s.preview, s.resolution));
    return s;
}

QJsonObject BasinSettings::toJson() const {
    QJsonObject o;
    o[QStringLiteral("show")] = show;
    o[QStringLiteral("run")] = run;
    o[QStringLiteral("resolution")] = resolution;
    o[QStringLiteral("preview")] = preview;
    return o;
}

} // namespace gs::app
