#pragma once
// How far a run is from where it should end: ‖x_k − x*‖ to the nearest known optimum, for
// every recorded point, so the loss panel can plot it next to f(x_k).

#include "objective/objective.h"
#include "run/trajectory.h"

#include <vector>

namespace gs {

/// The optima a run is measured against: the minima, or every optimum when none is a minimum.
std::vector<Vec> distanceTargets(const std::vector<Optimum>& optima);

/// d_k = min_j ‖x_k − x*_j‖ over distanceTargets(optima), one per point of `t`; empty when
/// there is no known optimum (or the dimensions differ).
std::vector<double> distanceToNearestOptimum(const Trajectory& t,
                                             const std::vector<Optimum>& optima);

} // namespace gs
