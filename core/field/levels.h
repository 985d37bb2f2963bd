#pragma once
// Choosing which isoline levels to draw for a value range.

#include <vector>

namespace gs {

enum class LevelSpacing {
    Linear, ///< round numbers spaced evenly (1, 2 or 5 × 10^k apart)
    Log,    ///< lo + geometric offsets: dense near the minimum, for valleys like Rosenbrock's
};

/// True when lo == hi, or when `count` levels across (lo, hi) would be closer than the
/// resolution of doubles there (e.g. 1e6 ± 1e-9): the field is flat for drawing purposes.
bool nearlyFlat(double lo, double hi, int count);

/// About `count` round-number levels strictly inside (lo, hi), ascending; for a nearly flat
/// range one level in the middle (none when lo == hi). Never more than 4·count + 9 levels.
std::vector<double> niceLevels(double lo, double hi, int count);

/// `count` levels lo + (hi − lo)·r^k, k = count..1, with the smallest offset (hi − lo)·10^−decades;
/// ascending and strictly inside (lo, hi); one middle level for a nearly flat range.
std::vector<double> logLevels(double lo, double hi, int count, double decades = 4.0);

/// Dispatches on `spacing`; empty when the range is empty or not finite.
std::vector<double> chooseLevels(double lo, double hi, int count, LevelSpacing spacing);

} // namespace gs
