#include "run/trajectory.h"

#include <cassert>

namespace gs {

Trajectory::Trajectory(int dimension, std::vector<std::string> stateNames)
    : dim_(dimension), stateNames_(std::move(stateNames)) {}

Trajectory::ConstMap Trajectory::x(int k) const {
    return ConstMap(x_.data() + static_cast<size_t>(k) * dim_, dim_);
}

Trajectory::ConstMap Trajectory::gradient(int k) const {
    return ConstMap(g_.data() + static_cast<size_t>(k) * dim_, dim_);
}

Trajectory::ConstMap Trajectory::state(int k, int s) const {
    const size_t perPoint = stateNames_.size() * static_cast<size_t>(dim_);
    return ConstMap(
        state_.data() + static_cast<size_t>(k) * perPoint + static_cast<size_t>(s) * dim_, dim_);
}

void Trajectory::restart(int dimension, std::vector<std::string> stateNames) {
    dim_ = dimension;
    stateNames_ = std::move(stateNames);
    x_.clear();
    f_.clear();
    g_.clear();
    state_.clear();
    finish(RunStatus::StepLimit, 0);
}

void Trajectory::reserve(int points) {
    const auto p = static_cast<size_t>(points), d = static_cast<size_t>(dim_);
    x_.reserve(p * d);
    f_.reserve(p);
    g_.reserve(p * d);
    state_.reserve(p * d * stateNames_.size());
}

void Trajectory::append(const Vec& x, double f, const Vec& g,
                        const std::vector<const Vec*>& states) {
    assert(x.size() == dim_ && g.size() == dim_ && states.size() == stateNames_.size());
    // Element by element: vector::insert of a 2-double range costs a memmove call each, and a
    // recorded step appends 2 + (number of states) such ranges (measured: 60% of a 2D run).
    const auto put = [this](std::vector<double>& v, const double* p) {
        for (int i = 0; i < dim_; ++i)
            v.push_back(p[i]);
    };
    put(x_, x.data());
    f_.push_back(f);
    put(g_, g.data());
    for (const Vec* s : states) {
        if (s && s->size() == dim_)
            put(state_, s->data());
        else
            for (int i = 0; i < dim_; ++i)
                state_.push_back(0.0);
    }
}

void Trajectory::finish(RunStatus status, int stopStep, DivergenceCause cause) {
    status_ = status;
    stopStep_ = stopStep;
    cause_ = cause;
}

std::string describeStatus(const Trajectory& t) {
    const std::string k = std::to_string(t.stopStep());
    switch (t.status()) {
    case RunStatus::Converged:
        return "converged at step " + k;
    case RunStatus::StepLimit:
        return "step limit " + k;
    case RunStatus::Diverged:
        break;
    }
    switch (t.divergenceCause()) {
    case DivergenceCause::NotANumber:
        return "diverged at step " + k + " (not a number)";
    case DivergenceCause::Infinite:
        return "diverged at step " + k + " (infinite value)";
    case DivergenceCause::OutOfBounds:
        return "diverged at step " + k + " (left the bounded region)";
    case DivergenceCause::None:
        break;
    }
    return "diverged at step " + k;
}

} // namespace gs
