#pragma once
// Running several optimizers from the same start at once, one thread per run up to all cores:
// the landscape page recomputes every path on each mouse move.

#include "run/run.h"

#include <vector>

namespace gs {

/// run(f, *opts[i], start, rules) for every i, in parallel on up to `threads` threads (0: all
/// cores). Each optimizer is used by one thread only; f must be safe to call concurrently, as
/// every const Objective here is.
std::vector<Trajectory> runAll(const Objective& f, const std::vector<Optimizer*>& opts,
                               const Vec& start, const StopRules& rules = {}, int threads = 0);

} // namespace gs
