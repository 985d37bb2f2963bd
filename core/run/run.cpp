#include "run/run.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace gs {

std::optional<std::string> StopRules::validate() const {
    if (maxSteps < 0) return "maxSteps must be ≥ 0, got " + std::to_string(maxSteps);
    if (!(gradientTol >= 0)) return "gradientTol must be ≥ 0";
    if (!(stepTol >= 0)) return "stepTol must be ≥ 0";
    if (!(valueTol >= 0)) return "valueTol must be ≥ 0";
    if (!(bound > 0)) return "bound must be > 0";
    return std::nullopt;
}

namespace {

DivergenceCause checkPoint(const Vec& x, double f, const Vec& g, double bound) {
    // One pass for the common case: everything finite.
    bool finite = std::isfinite(f);
    double largest = std::abs(f);
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        finite = finite && std::isfinite(x[i]) && std::isfinite(g[i]);
        largest = std::max(largest, std::abs(x[i]));
    }
    if (finite) return largest > bound ? DivergenceCause::OutOfBounds : DivergenceCause::None;
    if (std::isnan(f) || x.hasNaN() || g.hasNaN()) return DivergenceCause::NotANumber;
    return DivergenceCause::Infinite;
}

// Points reserved up front; longer runs still work, growing geometrically past this.
constexpr int kMaxReservedPoints = 1 << 16;

// The learning rate of each step: λ_k = schedule.rate(λ0, k) clamped to [lo, hi].
struct RateSchedule {
    const Schedule& schedule;
    double base, lo, hi;
    double at(int k) const { return std::clamp(schedule.rate(base, k), lo, hi); }
};

void runSteps(const Objective& f, Optimizer& opt, const Vec& start, const StopRules& rules,
              const RateSchedule* lr, Trajectory& t) {
    const int n = f.dimension();
    opt.reset(n);
    const auto names = opt.stateNames();
    t.restart(n, names);
    t.reserve(std::min(rules.maxSteps, kMaxReservedPoints) + 1);

    // State references stay valid from reset() to the next reset(), so collect them once.
    std::vector<const Vec*> states(names.size());
    for (size_t i = 0; i < names.size(); ++i)
        states[i] = &opt.state(static_cast<int>(i));

    Vec x = start, g(n), prev(n);
    const double gradTol2 = rules.gradientTol * rules.gradientTol; // ‖∇f‖ < tol ⇔ ‖∇f‖² < tol²
    double fx = f.valueAndGradient(x, g);
    if (auto cause = checkPoint(x, fx, g, rules.bound); cause != DivergenceCause::None) {
        t.finish(RunStatus::Diverged, 0, cause);
        return;
    }
    t.append(x, fx, g, states);

    for (int k = 1; k <= rules.maxSteps; ++k) {
        if (rules.gradientTol > 0 && g.squaredNorm() < gradTol2) {
            t.finish(RunStatus::Converged, k - 1);
            return;
        }
        if (rules.stepTol > 0) prev = x;
        const double fPrev = fx;
        if (lr) opt.set("lr", lr->at(k - 1)); // in range by construction: no message, no allocation
        opt.step(f, x, g);
        fx = f.valueAndGradient(x, g);
        if (auto cause = checkPoint(x, fx, g, rules.bound); cause != DivergenceCause::None) {
            t.finish(RunStatus::Diverged, k, cause);
            return;
        }
        t.append(x, fx, g, states);
        const bool smallStep = rules.stepTol > 0 && (x - prev).norm() < rules.stepTol;
        const bool smallChange = rules.valueTol > 0 && std::abs(fx - fPrev) < rules.valueTol;
        if (smallStep || smallChange) {
            t.finish(RunStatus::Converged, k);
            return;
        }
    }
    if (rules.gradientTol > 0 && g.squaredNorm() < gradTol2)
        t.finish(RunStatus::Converged, rules.maxSteps);
    else
        t.finish(RunStatus::StepLimit, rules.maxSteps);
}

} // namespace

Trajectory run(const Objective& f, Optimizer& opt, const Vec& start, const StopRules& rules) {
    Trajectory t;
    run(f, opt, start, rules, t);
    return t;
}

void run(const Objective& f, Optimizer& opt, const Vec& start, const StopRules& rules,
         Trajectory& out) {
    runSteps(f, opt, start, rules, nullptr, out);
}

Trajectory run(const Objective& f, Optimizer& opt, const Vec& start, const StopRules& rules,
               const Schedule& schedule) {
    Trajectory t;
    run(f, opt, start, rules, schedule, t);
    return t;
}

void run(const Objective& f, Optimizer& opt, const Vec& start, const StopRules& rules,
         const Schedule& schedule, Trajectory& out) {
    if (auto error = schedule.validate()) throw std::invalid_argument("schedule: " + *error);
    const HyperParam* lrParam = nullptr;
    for (const HyperParam& p : opt.hyperParams())
        if (p.key == "lr") lrParam = &p;
    if (!lrParam) throw std::invalid_argument(opt.displayName() + " has no learning rate 'lr'");
    const double base = opt.get("lr");
    const RateSchedule lr{schedule, base, lrParam->min, lrParam->max};
    runSteps(f, opt, start, rules, &lr, out);
    opt.set("lr", base);
}

} // namespace gs
