#include "field/levels.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs {

namespace {

// Spacing below which two levels near lo or hi cannot be told apart: a few units in the last
// place of the larger magnitude.
double resolution(double lo, double hi) {
    const double m = std::max(std::abs(lo), std::abs(hi));
    return 4 * (std::nextafter(m, std::numeric_limits<double>::infinity()) - m);
}

// The one level of a nearly flat range: its middle, when that lies strictly inside.
std::vector<double> middleLevel(double lo, double hi) {
    const double mid = lo + (hi - lo) / 2;
    if (mid > lo && mid < hi) return {mid};
    return {};
}

} // namespace

bool nearlyFlat(double lo, double hi, int count) {
    if (!(std::isfinite(lo) && std::isfinite(hi))) return false;
    if (!(lo < hi)) return lo == hi;
    return (hi / std::max(count, 1) - lo / std::max(count, 1)) < resolution(lo, hi);
}

std::vector<double> niceLevels(double lo, double hi, int count) {
    if (!(std::isfinite(lo) && std::isfinite(hi) && lo < hi) || count < 1) return {};
    if (nearlyFlat(lo, hi, count)) return middleLevel(lo, hi);
    // Step = 1, 2 or 5 × 10^k, the smallest such that at most ~count levels fit. (hi − lo may
    // overflow; the quotients do not.)
    const double raw = hi / count - lo / count;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * mag;
    for (double m : {1.0, 2.0, 5.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    // Levels are k·step for whole k in (lo/step, hi/step). The step is at least a few units in
    // the last place of lo and hi, so every k here is an exact integer and they are few.
    const double first = std::floor(lo / step) + 1, last = std::ceil(hi / step) - 1;
    if (!(last - first <= 4.0 * count + 8)) return middleLevel(lo, hi);
    std::vector<double> levels;
    for (double k = first; k <= last; ++k) {
        const double v = k * step;
        // k·step can land within rounding of lo; keep levels strictly inside the range.
        if (v > lo && v < hi && (levels.empty() || v > levels.back()))
            levels.push_back(std::abs(v) < 1e-12 * step ? 0.0 : v);
    }
    return levels;
}

std::vector<double> logLevels(double lo, double hi, int count, double decades) {
    if (!(std::isfinite(lo) && std::isfinite(hi) && lo < hi) || count < 1 || !(decades > 0))
        return {};
    if (nearlyFlat(lo, hi, count)) return middleLevel(lo, hi);
    // Offsets (hi − lo)·10^(−decades·k/count), k = count..1: geometric, the largest just below hi.
    std::vector<double> levels;
    const double range = hi / 2 - lo / 2; // half the range: hi − lo may overflow
    for (int k = count; k >= 1; --k) {
        const double v = lo + 2 * (range * std::pow(10.0, -decades * k / count));
        if (v > lo && v < hi && (levels.empty() || v > levels.back())) levels.push_back(v);
    }
    return levels;
}

std::vector<double> chooseLevels(double lo, double hi, int count, LevelSpacing spacing) {
    return spacing == LevelSpacing::Log ? logLevels(lo, hi, count) : niceLevels(lo, hi, count);
}

} // namespace gs
