#include "field/curve.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace gs {

Curve sampleCurve(const Objective& f, double lo, double hi, int n) {
    if (n < 2) throw std::invalid_argument("sampleCurve: n must be at least 2");
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    Curve c;
    c.x.resize(static_cast<size_t>(n));
    c.y.resize(static_cast<size_t>(n));
    c.yMin = c.yMax = kNaN;
    Vec x(1);
    for (int i = 0; i < n; ++i) {
        x[0] = lo + (hi - lo) * i / (n - 1);
        const double v = f.value(x);
        c.x[size_t(i)] = x[0];
        c.y[size_t(i)] = std::isfinite(v) ? v : kNaN;
        if (!std::isfinite(v)) continue;
        if (!(v >= c.yMin)) c.yMin = v; // !(v >= NaN) holds: the first finite value wins
        if (!(v <= c.yMax)) c.yMax = v;
    }
    return c;
}

} // namespace gs
