#pragma once
// The two ways computeBasinMap runs its starts (an implementation detail of basin_map.cpp):
// gradient descent on a compiled formula, up to Program::kBlock starts in lock-step, and any
// optimizer on any objective, one recorded trajectory per start. Both write the same outcome
// per start, in the same stopping semantics as run().

#include "expr/program.h"
#include "objective/objective.h"
#include "run/run.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace gs::basin {

/// Hands out start indices to the workers and reports finished ones as progress.
class StartQueue {
public:
    StartQueue(int total, const std::function<void(int, int)>& progress,
               const std::atomic<bool>* cancel)
        : total_(total), progress_(progress), cancel_(cancel) {}

    /// The next start to run, or −1 when none is left or the work was cancelled.
    int next();
    bool cancelled() const { return cancel_ && cancel_->load(std::memory_order_relaxed); }
    /// Adds `count` finished starts to the total and reports it.
    void finished(int count);
    int completed() const { return completed_; }

private:
    const int total_;
    std::atomic<int> next_{0};
    const std::function<void(int, int)>& progress_;
    const std::atomic<bool>* cancel_;
    std::mutex mutex_;
    int completed_ = 0;
};

/// Where each start's run ended; cell c is start (x(c % nx), y(c / nx)).
struct Outcomes {
    Box box;
    int nx = 0, ny = 0;
    std::vector<char> ran;
    std::vector<int> steps;
    std::vector<double> endX, endY;
    std::vector<RunStatus> status;

    void resize(int cells);
    double startX(int c) const { return box.lo[0] + (box.hi[0] - box.lo[0]) * (c % nx) / (nx - 1); }
    double startY(int c) const { return box.lo[1] + (box.hi[1] - box.lo[1]) * (c / nx) / (ny - 1); }
};

/// Gradient descent x ← x − λ ∇f(x) on `sign`·(the program's f); the program's outputs are f,
/// ∂f/∂x, ∂f/∂y, or with `withValue` false ∂f/∂x, ∂f/∂y alone (the divergence test then sees
/// f = 0: the caller proved f can never fail it). One worker's share: it takes starts from
/// `queue` until none is left.
void runGradientDescentBlocks(const expr::Program& program, bool withValue, double sign, double lr,
                              const StopRules& rules, StartQueue& queue, Outcomes& out);

/// Any optimizer (a fresh one from `optimizer` with `hyperParams`), one trajectory per start.
void runTrajectories(const Objective& f, const std::string& optimizer,
                     const std::vector<std::pair<std::string, double>>& hyperParams,
                     const StopRules& rules, StartQueue& queue, Outcomes& out);

} // namespace gs::basin
