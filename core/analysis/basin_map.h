#pragma once
// Basin-of-attraction map: an optimizer run from every start of an nx × ny grid over a box, each
// start labelled by the minimum its run reaches. Known optima of the objective are the
// attractors; for a function without them, the end points of converged runs are clustered.
//
// Gradient descent on a typed formula steps up to Program::kBlock (256) starts in lock-step through
// the expression engine's block evaluator; other optimizers run one trajectory per start. Either
// way starts run on all cores, and every start's result is independent of the others, so the map
// never depends on the thread count.
//
//   BasinMapSettings s;  s.box = f.info().viewBox;  s.nx = s.ny = 200;
//   BasinMap m = computeBasinMap(f, s, progress, &cancel);
//   if (m.label(i, j) >= 0) colour(m.attractors[m.label(i, j)]);

#include "objective/objective.h"
#include "run/run.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gs {

struct BasinMapSettings {
    std::string optimizer = "gd"; ///< registry key
    /// Hyperparameters set on every run (the rest keep their defaults).
    std::vector<std::pair<std::string, double>> hyperParams;
    Box box;              ///< the starts' region, 2D
    int nx = 64, ny = 64; ///< starts per row and per column, ≥ 2 each (corners included)
    StopRules rules;      ///< step limit, convergence and divergence of each run
    /// An end point within this distance of an attractor belongs to it, as a fraction of the
    /// box's diagonal. Also the clustering radius when the objective knows no optima.
    double attractorTolerance = 0.01;
    int threads = 0; ///< 0: all cores
    /// Gradient descent on a formula steps starts in blocks; false forces one trajectory per
    /// start (the reference the block path is tested against).
    bool allowBlocks = true;
    /// The block path may skip f where it cannot decide divergence (BasinMap::skippedValue);
    /// false keeps f at every step (the reference that shortcut is tested against).
    bool allowValueSkip = true;

    /// Message naming the first bad field, or nothing when all are valid. The optimizer key and
    /// hyperparameters are checked by computeBasinMap, which knows the optimizer.
    std::optional<std::string> validate() const;
};

/// Where a run ends up: a known optimum of the objective or a cluster of end points.
struct Attractor {
    double x = 0, y = 0;
    double value = 0;      ///< f there
    int optimumIndex = -1; ///< index into the objective's info().optima, or −1 for a cluster
    Optimum::Kind kind = Optimum::Kind::Minimum;
    int cells = 0; ///< starts labelled with it
};

enum class BasinMapStatus { Complete, Cancelled, Invalid };

struct BasinMap {
    /// Labels of cells that are not an attractor's index.
    static constexpr int kDiverged = -1;  ///< NaN, infinity or beyond the bound
    static constexpr int kUndecided = -2; ///< far from every attractor when the run stopped
    static constexpr int kNotRun = -3;    ///< cancelled before this start ran

    BasinMapStatus status = BasinMapStatus::Complete;
    std::string error; ///< names the bad setting when status is Invalid
    Box box;
    int nx = 0, ny = 0;
    /// Row-major, one row per y: cell (i, j) is start (x(i), y(j)) at index j·nx + i.
    std::vector<int> labels;  ///< attractor index ≥ 0, or kDiverged, kUndecided, kNotRun
    std::vector<int> steps;   ///< the step the run converged at, diverged at, or the limit
    std::vector<double> endX; ///< last recorded point (the last finite one when diverged)
    std::vector<double> endY;
    std::vector<RunStatus> runStatus;
    std::vector<Attractor> attractors;
    int completed = 0;       ///< starts that ran
    bool usedBlocks = false; ///< the lock-step block path computed the map
    /// The block path stepped with ∇f alone: f was proved finite and within the bound wherever
    /// x is (expr::enclose), so its part of the divergence test could never decide anything.
    bool skippedValue = false;

    double x(int i) const { return box.lo[0] + (box.hi[0] - box.lo[0]) * i / (nx - 1); }
    double y(int j) const { return box.lo[1] + (box.hi[1] - box.lo[1]) * j / (ny - 1); }
    int index(int i, int j) const { return j * nx + i; }
    int label(int i, int j) const { return labels[static_cast<size_t>(index(i, j))]; }
    int stepsAt(int i, int j) const { return steps[static_cast<size_t>(index(i, j))]; }
};

/// Runs every start and labels it. `progress(done, total)` is called as starts finish, from
/// worker threads but never two at a time, with `done` increasing. A set `*cancel` stops the
/// workers within a step; the map then has status Cancelled, its unfinished cells kNotRun.
/// `f` must be 2D and safe to call concurrently (every const Objective here is).
BasinMap computeBasinMap(const Objective& f, const BasinMapSettings& settings,
                         const std::function<void(int done, int total)>& progress = {},
                         const std::atomic<bool>* cancel = nullptr);

} // namespace gs
