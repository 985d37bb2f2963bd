#pragma once
// Gradient arrows sampled on a coarse grid: the field overlay of a landscape.

#include "objective/objective.h"

#include <vector>

namespace gs {

/// One arrow: the point and the gradient ∇f there.
struct Arrow {
    double x = 0, y = 0;
    double gx = 0, gy = 0;
};

/// ∇f at the centres of an nx × ny tiling of `box` (so no arrow sits on the box's edge).
/// Points where f or ∇f is not finite are left out.
std::vector<Arrow> gradientArrows(const Objective& f, const Box& box, int nx, int ny);

/// The largest ‖∇f‖ among the arrows (0 when there are none); views scale arrows by it.
double maxArrowNorm(const std::vector<Arrow>& arrows);

} // namespace gs
