#pragma once
// Learning-rate sweep: the same optimizer, function and start, run once per learning rate on a
// log grid, to show where a rate is too small (slow), right, or too large (diverges). Rates run in
// parallel; each run is independent, so the table never depends on the thread count.

#include "objective/objective.h"
#include "run/run.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gs {

struct LrSweepSettings {
    std::string optimizer = "gd"; ///< registry key
    /// Hyperparameters other than "lr", set on every run (the rest keep their defaults).
    std::vector<std::pair<std::string, double>> hyperParams;
    Vec start;               ///< start point, of the objective's dimension
    double lo = 1e-3;        ///< smallest rate, > 0
    double hi = 1.0;         ///< largest rate, ≥ lo
    int points = 100;        ///< n ≥ 1 rates, log-spaced from lo to hi (n = 1: lo)
    StopRules rules;         ///< step limit, convergence and divergence of each run
    double lossTarget = 0.0; ///< "steps to reach": the first k with f(x_k) ≤ lossTarget
    int threads = 0;         ///< 0: all cores
    /// A schedule applied to every run, its λ₀ being the swept rate; the constant rate when empty.
    std::optional<Schedule> schedule;

    /// Message naming the first bad field, or nothing when all are valid. The optimizer key and
    /// hyperparameters are checked by sweepLearningRate, which knows the optimizer.
    std::optional<std::string> validate() const;
};

/// One rate's run.
struct LrSweepPoint {
    double lr = 0.0;
    bool done = false;      ///< false when the sweep was cancelled before this rate ran
    double finalLoss = 0.0; ///< f at the last recorded point (the last finite one when diverged)
    int stepsToTarget = -1; ///< first k with f(x_k) ≤ lossTarget, or −1
    RunStatus status = RunStatus::StepLimit;
    int stopStep = 0; ///< the step the run converged at, diverged at, or the step limit
};

enum class LrSweepStatus { Complete, Cancelled, Invalid };

struct LrSweepResult {
    LrSweepStatus status = LrSweepStatus::Complete;
    std::string error;                ///< names the bad setting when status is Invalid
    std::vector<LrSweepPoint> points; ///< in rate order, lo first
    int completed = 0;                ///< points with done set
};

/// Rate i of n on the log grid: lo (hi/lo)^(i/(n−1)).
double sweepRate(double lo, double hi, int n, int i);

/// Runs the sweep. `progress(done, total)` is called after each rate, from worker threads but
/// never two at a time. A set `*cancel` stops the workers before their next rate; the result
/// then has status Cancelled and the rates that ran. `f` must be safe to call concurrently.
LrSweepResult sweepLearningRate(const Objective& f, const LrSweepSettings& settings,
                                const std::function<void(int done, int total)>& progress = {},
                                const std::atomic<bool>* cancel = nullptr);

/// Gradient descent's stability limit 2/λmax at x, with λmax the largest eigenvalue of the
/// Hessian of f there: on a quadratic, gradient descent converges exactly when λ < 2/λmax.
/// Infinity when no eigenvalue is positive (no rate is too large for the local curvature).
double gdStabilityLimit(const Objective& f, const Vec& x);

} // namespace gs
