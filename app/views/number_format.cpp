#include "views/number_format.h"

#include <cmath>

namespace gs::app {

QString formatNumber(double v, int significant) {
    if (std::isnan(v)) return QStringLiteral("—");
    if (std::isinf(v)) return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (v == 0) v = 0; // turns −0 into 0
    QString s = QString::number(v, 'g', significant);
    s.replace(QLatin1Char('-'), QChar(0x2212));
    return s;
}

QString subscripted(const QString& name, int k) {
    QString s = name;
    for (const QChar c : QString::number(k))
        s += c == QLatin1Char('-') ? QChar(0x208B) : QChar(0x2080 + c.digitValue());
    return s;
}

} // namespace gs::app
