#include "analysis/secant.h"

#include <cmath>
#include <stdexcept>

namespace gs {

double secantSlope(const Objective& f, double x, double h) {
    const double fx = f.value(Vec::Constant(1, x));
    // x + h as the machine holds it: dividing by the step actually taken keeps rounding in x out
    // of the slope for small h.
    const double y = x + h;
    return (f.value(Vec::Constant(1, y)) - fx) / (y - x);
}

std::vector<SecantErrorPoint> secantErrors(const Objective& f, double x, double hMin, double hMax,
                                           int n) {
    if (n < 2 || !(hMin > 0) || !(hMin < hMax))
        throw std::invalid_argument("secantErrors: need n >= 2 and 0 < hMin < hMax");
    Vec g(1);
    f.valueAndGradient(Vec::Constant(1, x), g);
    const double exact = g[0];
    std::vector<SecantErrorPoint> out;
    out.reserve(static_cast<size_t>(n));
    const double a = std::log(hMax), b = std::log(hMin);
    for (int i = 0; i < n; ++i) {
        const double h = std::exp(a + (b - a) * i / (n - 1));
        const double s = secantSlope(f, x, h);
        out.push_back({h, s, std::abs(s - exact)});
    }
    return out;
}

} // namespace gs
