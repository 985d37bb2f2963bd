#pragma once
// The tangent plane of a surface z = f(x, y) at p:
//     z = T(q) = f(p) + ∇f(p) · (q − p).
// It holds every tangent line at p, among them the two slices' tangents (slopes ∂f/∂x and ∂f/∂y).
// For smooth f the gap is second order: f(q) − T(q) = ½ (q − p)ᵀ ∇²f (q − p) + O(|q − p|³).

#include "field/grid.h"
#include "objective/objective.h"

#include <vector>

namespace gs {

struct TangentPlane {
    Vec p;
    double value = 0; ///< f(p)
    Vec gradient;     ///< ∇f(p)

    /// T(q) = f(p) + ∇f(p) · (q − p).
    double at(const Vec& q) const { return value + gradient.dot(q - p); }
};

/// The tangent plane of f at p, from f's own value and gradient.
TangentPlane tangentPlane(const Objective& f, const Vec& p);

/// The plane sampled like a function on an nx × ny grid over `box` (2D), so its contour lines come
/// from the same marching squares as f's.
Grid samplePlane(const TangentPlane& plane, const Box& box, int nx, int ny);

/// ½‖∇²f(p)‖₂ (the largest |eigenvalue| of the Hessian, halved; beyond 2D the Frobenius norm,
/// which bounds it): the gap divided by r² tends to at most this as r → 0.
double secondOrderBound(const Objective& f, const Vec& p);

/// How far f leaves its tangent plane at distance r from p: the largest |f(q) − T(q)| over
/// `directions` points q = p + r (cos θ, sin θ) on the circle of radius r.
struct PlaneGap {
    double r = 0;
    double gap = 0;
};
/// n ≥ 2 radii spaced evenly in log from rMax down to rMin (0 < rMin < rMax).
std::vector<PlaneGap> planeGaps(const Objective& f, const TangentPlane& plane, double rMin,
                                double rMax, int n, int directions = 32);

} // namespace gs
