#include "analysis/slices.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs {

SliceLine axisLine(const Vec& p, int axis) {
    Vec e = Vec::Zero(p.size());
    e[axis] = 1.0;
    return {p, e};
}

SliceLine angleLine(const Vec& p, double angle) {
    return {p, (Vec(2) << std::cos(angle), std::sin(angle)).finished()};
}

double sliceValue(const Objective& f, const SliceLine& line, double t) {
    return f.value(line.at(t));
}

double sliceSlope(const Objective& f, const SliceLine& line) {
    Vec g(f.dimension());
    f.valueAndGradient(line.p, g);
    return line.e.dot(g);
}

SliceSamples sampleSlice(const Objective& f, const SliceLine& line, double tMin, double tMax,
                         int n) {
    SliceSamples s;
    if (n < 2) return s;
    s.t.resize(n);
    s.value.resize(n);
    for (int i = 0; i < n; ++i) {
        const double t = tMin + (tMax - tMin) * i / (n - 1);
        const double v = sliceValue(f, line, t);
        s.t[i] = t;
        s.value[i] = std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN();
    }
    return s;
}

TRange lineInBox(const SliceLine& line, const Box& box) {
    // Slab method: along each coordinate, lo ≤ p_i + t e_i ≤ hi bounds t on one side or both.
    double lo = -std::numeric_limits<double>::infinity();
    double hi = std::numeric_limits<double>::infinity();
    for (int i = 0; i < line.p.size(); ++i) {
        const double e = line.e[i], p = line.p[i];
        if (e == 0) {
            if (p < box.lo[i] || p > box.hi[i]) return {1, 0};
            continue;
        }
        double a = (box.lo[i] - p) / e, b = (box.hi[i] - p) / e;
        if (a > b) std::swap(a, b);
        lo = std::max(lo, a);
        hi = std::min(hi, b);
    }
    return {lo, hi};
}

} // namespace gs
