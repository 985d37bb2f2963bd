#pragma once
// A set of optimizers run together on one function, each from a shared start or from a start of its
// own: what a page that races optimizers recomputes on every slider move. Plain data and one
// recompute; views keep their own drawing state beside it.

#include "optim/optimizer.h"
#include "run/run.h"

#include <memory>
#include <optional>
#include <vector>

namespace gs {

class RunSet {
public:
    struct Run {
        std::unique_ptr<Optimizer> optimizer;
        std::optional<Vec> start; ///< its own start; the shared start when empty
        /// A learning-rate schedule from the optimizer's "lr"; the constant rate when empty.
        /// Must be valid (Schedule::validate) for recompute().
        std::optional<Schedule> schedule;
        bool visible = true;
        Trajectory trajectory; ///< the last recompute's
    };

    /// Adds a run (its address stays valid until it is removed); returns its index.
    int add(std::unique_ptr<Optimizer> optimizer);
    void remove(int index);
    int size() const { return static_cast<int>(runs_.size()); }
    Run& operator[](int i) { return *runs_[static_cast<size_t>(i)]; }
    const Run& operator[](int i) const { return *runs_[static_cast<size_t>(i)]; }

    /// Reruns every run on `f` from its own start or `sharedStart`, in parallel (runAll). The
    /// previous trajectories' buffers are reused, so a drag recomputes without allocating.
    /// Returns the last step index of the longest run.
    int recompute(const Objective& f, const Vec& sharedStart, const StopRules& rules);

private:
    std::vector<std::unique_ptr<Run>> runs_;
    std::vector<Trajectory> spare_; // runAll's output buffers, swapped with the runs' trajectories
};

} // namespace gs
