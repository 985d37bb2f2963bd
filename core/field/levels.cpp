#include "field/levels.h"

#include <algorithm>
#include <cmath>

namespace gs {

std::vector<double> niceLevels(double lo, double hi, int count) {
    if (!(std::isfinite(lo) && std::isfinite(hi) && lo < hi) || count < 1) return {};
    // Step = 1, 2 or 5 × 10^k, the smallest such that at most ~count levels fit.
    const double raw = (hi - lo) / count;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * mag;
    for (double m : {1.0, 2.0, 5.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    std::vector<double> levels;
    for (double k = std::floor(lo / step) + 1; k * step < hi; ++k) {
        const double v = k * step;
        // k·step can land within rounding of lo; keep levels strictly inside the range.
        if (v > lo) levels.push_back(std::abs(v) < 1e-12 * step ? 0.0 : v);
    }
    return levels;
}

std::vector<double> logLevels(double lo, double hi, int count, double decades) {
    if (!(std::isfinite(lo) && std::isfinite(hi) && lo < hi) || count < 1 || !(decades > 0))
        return {};
    // Offsets (hi − lo)·10^(−decades·k/count), k = count..1: geometric, the largest just below hi.
    std::vector<double> levels;
    for (int k = count; k >= 1; --k) {
        const double v = lo + (hi - lo) * std::pow(10.0, -decades * k / count);
        if (v > lo && v < hi && (levels.empty() || v > levels.back())) levels.push_back(v);
    }
    return levels;
}

std::vector<double> chooseLevels(double lo, double hi, int count, LevelSpacing spacing) {
    return spacing == LevelSpacing::Log ? logLevels(lo, hi, count) : niceLevels(lo, hi, count);
}

} // namespace gs
