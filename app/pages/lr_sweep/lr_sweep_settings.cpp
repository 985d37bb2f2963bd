#include "pages/lr_sweep/lr_sweep_settings.h"

#include <QStringList>

namespace gs::app {

namespace {
const QStringList kQuantities = {QStringLiteral("final_loss"), QStringLiteral("steps")};
}

LrSweepPageSettings LrSweepPageSettings::read(const JsonReader& r) {
    r.allowOnly({"lo", "hi", "points", "quantity", "tolerance", "from"});
    LrSweepPageSettings s;
    s.lo = r.number(QStringLiteral("lo"), kMinRate, kMaxRate, s.lo);
    s.hi = r.number(QStringLiteral("hi"), kMinRate, kMaxRate, s.hi);
    if (!(s.lo < s.hi))
        r.fail(QStringLiteral("hi"), QStringLiteral("must be larger than lo (%1)").arg(s.lo));
    s.points = r.integer(QStringLiteral("points"), 2, kMaxPoints, s.points);
    s.quantity = Quantity(r.choice(QStringLiteral("quantity"), kQuantities, 0));
    s.tolerance = r.number(QStringLiteral("tolerance"), 1e-300, 1e300, s.tolerance);
    s.from = r.string(QStringLiteral("from"));
    return s;
}

QJsonObject LrSweepPageSettings::toJson() const {
    QJsonObject o{{QStringLiteral("lo"), lo},
                  {QStringLiteral("hi"), hi},
                  {QStringLiteral("points"), points},
                  {QStringLiteral("quantity"), kQuantities[int(quantity)]},
                  {QStringLiteral("tolerance"), tolerance}};
    if (!from.isEmpty()) o[QStringLiteral("from")] = from;
    return o;
}

} // namespace gs::app
