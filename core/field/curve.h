#pragma once
// A function of one variable sampled at evenly spaced points: the data behind a drawn curve and
// the value range its axis is fitted to.

#include "objective/objective.h"

#include <vector>

namespace gs {

struct Curve {
    std::vector<double> x, y; ///< y is NaN where f is not finite
    /// Smallest and largest finite value; both NaN when no sample is finite.
    double yMin = 0, yMax = 0;
};

/// Samples `f` (dimension 1) at n ≥ 2 points from lo to hi, both ends included.
Curve sampleCurve(const Objective& f, double lo, double hi, int n);

} // namespace gs
