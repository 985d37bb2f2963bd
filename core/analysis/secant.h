#pragma once
// The derivative as a limit: the slope of the secant through (x, f(x)) and (x + h, f(x + h)),
//     s(h) = (f(x + h) − f(x)) / h,
// tends to f′(x) as h → 0, with an error of f″(x) h / 2 + O(h²): first order in h.

#include "objective/objective.h"

#include <vector>

namespace gs {

/// (f(x + h) − f(x)) / h for f of dimension 1; h ≠ 0.
double secantSlope(const Objective& f, double x, double h);

struct SecantErrorPoint {
    double h = 0;     ///< step (positive)
    double slope = 0; ///< secant slope s(h)
    double error = 0; ///< |s(h) − f′(x)|
};

/// The secant slope and its error against the exact derivative for n ≥ 2 steps spaced evenly in
/// log from hMax down to hMin (0 < hMin < hMax).
std::vector<SecantErrorPoint> secantErrors(const Objective& f, double x, double hMin, double hMax,
                                           int n);

} // namespace gs
