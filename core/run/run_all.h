#pragma once
// Running many paths at once: the landscape view reruns every optimizer on each mouse move.

#include "optim/schedule.h"
#include "run/run.h"

#include <span>
#include <vector>

namespace gs {

/// One path of a multi-path run: which optimizer, from where, and optionally with a
/// learning-rate schedule (its λ₀ is the optimizer's "lr"; see run()).
struct RunRequest {
    Optimizer* optimizer = nullptr;
    Vec start;
    const Schedule* schedule = nullptr; ///< none: the constant rate
};

/// Runs every request on `f`, one trajectory per request, on up to `threads` threads (0: all
/// cores); the result is bit for bit what running them one by one gives. `out` keeps its storage
/// between calls, so a view that reruns its paths on every slider move reuses the same buffers.
/// When requests share an optimizer (each run resets it) they run one after another.
/// `f` must be safe to call concurrently, as every const Objective here is.
void runAll(const Objective& f, std::span<const RunRequest> requests, const StopRules& rules,
            std::vector<Trajectory>& out, int threads = 0);
std::vector<Trajectory> runAll(const Objective& f, std::span<const RunRequest> requests,
                               const StopRules& rules = {}, int threads = 0);

} // namespace gs
