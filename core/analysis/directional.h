#pragma once
// The directional derivative of f at p along the unit vector e(θ) = (cos θ, sin θ),
//     D(θ) = d/dt f(p + t e(θ)) at t = 0 = e(θ) · ∇f(p) = |∇f(p)| cos α,
// where α is the angle between e and ∇f. Over all directions it is largest (|∇f|) along the
// gradient, smallest (−|∇f|) against it, and zero along the level line through p. The profile
// below finds these from samples of D, not from the formula, so it can check the formula.

#include "objective/objective.h"

#include <vector>

namespace gs {

/// e(θ) · ∇f(p) for f of two variables.
double directionalDerivative(const Objective& f, const Vec& p, double angle);
/// The central difference (f(p + h e) − f(p − h e)) / 2h along e(θ): the slope of the slice
/// measured without the gradient (error O(h²)).
double directionalDifference(const Objective& f, const Vec& p, double angle, double h = 1e-5);

/// Angles in radians in [0, 2π); all angles in the profile use this convention.
double wrapAngle(double angle);

struct DirectionalProfile {
    std::vector<double> angles;        ///< n samples over [0, 2π), radians
    std::vector<double> values;        ///< D at each angle
    double gradientNorm = 0;           ///< |∇f(p)|
    double gradientAngle = 0;          ///< atan2(∂f/∂y, ∂f/∂x), in [0, 2π)
    double maxAngle = 0, maxValue = 0; ///< the sampled maximum, refined by a parabola
    double minAngle = 0, minValue = 0; ///< the sampled minimum, refined by a parabola
    std::vector<double> zeros;         ///< where D changes sign, by bisection (two when ∇f ≠ 0)
};

/// D(θ) at n ≥ 8 evenly spaced angles, with its extremes and zeros located numerically.
DirectionalProfile directionalProfile(const Objective& f, const Vec& p, int n = 720);

} // namespace gs
