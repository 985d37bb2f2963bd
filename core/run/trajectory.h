#pragma once
// Trajectory: a whole recorded run. Point k holds x_k, f(x_k), ∇f(x_k) and the optimizer's state
// after the step that produced x_k (zeros at k = 0), so a view can replay any step.

#include "objective/objective.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace gs {

enum class RunStatus {
    Converged, ///< a stopping rule (gradient norm, step length, change in f) was met
    Diverged,  ///< the next point was NaN, infinite, or beyond the bound
    StepLimit, ///< the step limit was reached first
};

enum class DivergenceCause { None, NotANumber, Infinite, OutOfBounds };

class Trajectory {
public:
    using ConstMap = Eigen::Map<const Vec>;

    Trajectory() = default;
    Trajectory(int dimension, std::vector<std::string> stateNames);

    int dimension() const { return dim_; }
    /// Number of recorded points; the start is point 0, so steps taken = size() − 1.
    int size() const { return static_cast<int>(f_.size()); }
    bool empty() const { return f_.empty(); }

    ConstMap x(int k) const;
    double f(int k) const { return f_[static_cast<size_t>(k)]; }
    ConstMap gradient(int k) const;
    const std::vector<std::string>& stateNames() const { return stateNames_; }
    /// State vector `s` (index into stateNames()) after step k.
    ConstMap state(int k, int s) const;

    RunStatus status() const { return status_; }
    DivergenceCause divergenceCause() const { return cause_; }
    /// The step at which the run stopped: converged at, diverged at, or the step limit.
    int stopStep() const { return stopStep_; }

    /// Empties the trajectory for a new run, keeping the allocated storage for reuse.
    void restart(int dimension, std::vector<std::string> stateNames);
    /// Makes room for `points` points so append() does not reallocate.
    void reserve(int points);
    /// Appends one point; `states` holds stateNames().size() vectors of dimension().
    void append(const Vec& x, double f, const Vec& g, const std::vector<const Vec*>& states);
    void finish(RunStatus status, int stopStep, DivergenceCause cause = DivergenceCause::None);

private:
    int dim_ = 0;
    std::vector<std::string> stateNames_;
    // Flat storage: one contiguous block per quantity, point-major.
    std::vector<double> x_, f_, g_, state_;
    RunStatus status_ = RunStatus::StepLimit;
    DivergenceCause cause_ = DivergenceCause::None;
    int stopStep_ = 0;
};

/// "converged at step 41", "diverged at step 7 (infinite value)", "step limit 1000".
std::string describeStatus(const Trajectory& t);

} // namespace gs
