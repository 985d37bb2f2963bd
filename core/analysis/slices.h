#pragma once
// Slicing a function of several variables with a vertical plane: the restriction of f to the line
// through p along a direction e,
//     g(t) = f(p + t e),
// is a function of one variable. Its slope at t = 0 is the directional derivative
//     g′(0) = e · ∇f(p),
// which for e = (1, 0) and e = (0, 1) is ∂f/∂x and ∂f/∂y: the partial derivatives are the slopes
// of the slices x ↦ f(x, y₀) and y ↦ f(x₀, y).

#include "objective/objective.h"

#include <vector>

namespace gs {

/// The line p + t e; e need not be a unit vector (then t is not arc length).
struct SliceLine {
    Vec p;
    Vec e;

    Vec at(double t) const { return p + t * e; }
};

/// The axis-parallel line through p along coordinate `axis` (0: x, 1: y).
SliceLine axisLine(const Vec& p, int axis);
/// The line through p along the unit vector at `angle` radians from the x axis (2D).
SliceLine angleLine(const Vec& p, double angle);

/// g(t) = f(p + t e).
double sliceValue(const Objective& f, const SliceLine& line, double t);
/// g′(0) = e · ∇f(p), from the objective's own gradient.
double sliceSlope(const Objective& f, const SliceLine& line);

/// Samples of the slice at n ≥ 2 evenly spaced t in [tMin, tMax]; non-finite values stay NaN.
struct SliceSamples {
    std::vector<double> t;
    std::vector<double> value;
};
SliceSamples sampleSlice(const Objective& f, const SliceLine& line, double tMin, double tMax,
                         int n);

/// The range of t for which p + t e stays inside `box` (empty, lo > hi, when the line misses it).
struct TRange {
    double lo = 0, hi = 0;
};
TRange lineInBox(const SliceLine& line, const Box& box);

} // namespace gs
