#include "analysis/grid_search.h"

#include <cmath>
#include <stdexcept>

namespace gs {

GridSearchResult gridSearch(const Objective& f, double lo, double hi, int n, bool maximize) {
    if (n < 1) throw std::invalid_argument("gridSearch: n must be at least 1");
    if (!(lo <= hi)) throw std::invalid_argument("gridSearch: lo must not exceed hi");
    GridSearchResult r;
    r.x.reserve(static_cast<size_t>(n));
    r.f.reserve(static_cast<size_t>(n));
    Vec x(1);
    for (int i = 0; i < n; ++i) {
        x[0] = n == 1 ? 0.5 * (lo + hi) : lo + (hi - lo) * i / (n - 1);
        const double v = f.value(x);
        r.x.push_back(x[0]);
        r.f.push_back(v);
        if (!std::isfinite(v)) continue;
        if (r.best < 0 || (maximize ? v > r.f[size_t(r.best)] : v < r.f[size_t(r.best)]))
            r.best = i;
    }
    return r;
}

double gridCostLog10(int n, double d) {
    return d * std::log10(static_cast<double>(n));
}

} // namespace gs
