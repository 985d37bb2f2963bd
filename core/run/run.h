#pragma once
// Running an optimizer from a start point to a stop, recording every step.

#include "optim/optimizer.h"
#include "optim/schedule.h"
#include "run/trajectory.h"

#include <optional>
#include <string>
#include <vector>

namespace gs {

/// When a run stops. A rule set to 0 is off.
struct StopRules {
    int maxSteps = 1000;       ///< step limit
    double gradientTol = 1e-8; ///< converged when ‖∇f‖ < gradientTol
    double stepTol = 0.0;      ///< converged when ‖x_{k+1} − x_k‖ < stepTol
    double valueTol = 0.0;     ///< converged when |f_{k+1} − f_k| < valueTol
    double bound = 1e8;        ///< diverged when any |x_i| or |f| exceeds this

    /// Message naming the first bad field, or nothing when all are valid.
    std::optional<std::string> validate() const;
};

/// Runs `opt` on `f` from `start`. The optimizer is reset first. Points that are NaN, infinite or
/// out of bounds are never recorded: the run ends with status Diverged at that step instead.
Trajectory run(const Objective& f, Optimizer& opt, const Vec& start, const StopRules& rules = {});
/// The same, into `out`, reusing its storage (no allocation when it already held a run this long).
void run(const Objective& f, Optimizer& opt, const Vec& start, const StopRules& rules,
         Trajectory& out);

/// The same with a learning-rate schedule: before step k (k = 0 makes x_1 from x_0) the
/// optimizer's "lr" is set to schedule.rate(λ0, k), with λ0 its "lr" at the call, clamped to the
/// "lr" hyperparameter's range as a slider would be. Afterwards "lr" is λ0 again. Throws
/// std::invalid_argument when the schedule is invalid or the optimizer has no "lr".
Trajectory run(const Objective& f, Optimizer& opt, const Vec& start, const StopRules& rules,
               const Schedule& schedule);
void run(const Objective& f, Optimizer& opt, const Vec& start, const StopRules& rules,
         const Schedule& schedule, Trajectory& out);

} // namespace gs
