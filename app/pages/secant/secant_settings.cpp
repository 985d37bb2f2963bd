#include "pages/secant/secant_settings.h"

#include <cmath>

namespace gs::app {

SecantSettings SecantSettings::read(const JsonReader& r) {
    r.allowOnly({"h"});
    SecantSettings s;
    s.h = r.number(QStringLiteral("h"), -kMaxStep, kMaxStep, s.h);
    if (std::abs(s.h) < kMinStep)
        r.fail(QStringLiteral("h"), QStringLiteral("|h| must be at least %1").arg(kMinStep));
    return s;
}

QJsonObject SecantSettings::toJson() const {
    return QJsonObject{{QStringLiteral("h"), h}};
}

} // namespace gs::app
