#include "analysis/basin_map.h"

#include "analysis/basin_runs.h"
#include "field/grid.h"
#include "objective/expression_objective.h"
#include "optim/registry.h"
#include "text/quote.h"

#include <cmath>
#include <limits>
#include <memory>
#include <thread>

namespace gs {

std::optional<std::string> BasinMapSettings::validate() const {
    if (box.dimension() != 2 || box.hi.size() != 2) return "box must be 2D";
    if (!box.lo.allFinite() || !box.hi.allFinite() || !(box.lo.array() < box.hi.array()).all())
        return "box must be finite with lo < hi in both coordinates";
    if (nx < 2) return "nx must be ≥ 2, got " + std::to_string(nx);
    if (ny < 2) return "ny must be ≥ 2, got " + std::to_string(ny);
    if (static_cast<long long>(nx) * ny > 16'000'000) return "nx · ny must be ≤ 16,000,000";
    if (!(attractorTolerance > 0) || !std::isfinite(attractorTolerance))
        return "attractorTolerance must be finite and > 0";
    if (threads < 0) return "threads must be ≥ 0, got " + std::to_string(threads);
    if (auto e = rules.validate()) return "rules: " + *e;
    return std::nullopt;
}

namespace {

// A fresh optimizer with the settings' hyperparameters, or the message naming the bad one.
std::optional<std::string> configure(const BasinMapSettings& s, std::unique_ptr<Optimizer>& opt) {
    opt = createOptimizer(s.optimizer);
    if (!opt) return "optimizer: unknown key " + quote(s.optimizer);
    for (const auto& [key, value] : s.hyperParams)
        if (auto e = opt->set(key, value)) return "hyperParams: " + *e;
    return std::nullopt;
}

// The compiled program the block path steps with, and the sign of f it computes (−1 through
// one negation, as maximizing is run); program is null when f is not a formula of 2 variables.
struct BlockPlan {
    const expr::Program* program = nullptr;
    double sign = 1.0;
    bool withValue = true; ///< the program computes f too (else ∇f alone)
};

// f is needed at each step only by the divergence test (the value rule is off unless asked
// for): |f| > bound or f not finite. When f is provably finite and within half the bound
// wherever x and y are finite and within the bound, that part never fires before the test on
// x itself, so the program can leave f out (for the article's function: three sines instead
// of three sines and three cosines).
BlockPlan blockPlan(const Objective& f, const StopRules& rules, bool allowValueSkip) {
    BlockPlan plan;
    const Objective* inner = &f;
    if (const auto* neg = dynamic_cast<const NegatedObjective*>(inner)) {
        inner = &neg->inner();
        plan.sign = -1.0;
    }
    const auto* e = dynamic_cast<const ExpressionObjective*>(inner);
    if (!e || e->dimension() != 2) return plan;
    plan.program = &e->gradientProgram();
    if (!allowValueSkip || rules.valueTol > 0) return plan;
    const expr::Interval box[2] = {expr::Interval::of(-rules.bound, rules.bound),
                                   expr::Interval::of(-rules.bound, rules.bound)};
    if (e->enclose(box).within(rules.bound / 2)) {
        plan.program = &e->gradientOnlyProgram();
        plan.withValue = false;
    }
    return plan;
}

double distance(double ax, double ay, double bx, double by) {
    return std::hypot(ax - bx, ay - by);
}

// The attractor nearest (x, y) within `tol`, or −1.
int nearest(const std::vector<Attractor>& a, double x, double y, double tol) {
    int best = -1;
    double bestD = tol;
    for (size_t k = 0; k < a.size(); ++k)
        if (const double d = distance(a[k].x, a[k].y, x, y); d <= bestD) {
            best = static_cast<int>(k);
            bestD = d;
        }
    return best;
}

// Converged end points grouped in cell order: each joins the first cluster whose first member
// lies within `tol`, else starts one. A cluster sits at the mean of its members.
std::vector<Attractor> clusterEndPoints(const basin::Outcomes& o, double tol) {
    std::vector<Attractor> clusters;
    std::vector<double> seedX, seedY, sumX, sumY;
    for (size_t c = 0; c < o.ran.size(); ++c) {
        if (!o.ran[c] || o.status[c] != RunStatus::Converged) continue;
        size_t k = 0;
        while (k < clusters.size() && distance(seedX[k], seedY[k], o.endX[c], o.endY[c]) > tol)
            ++k;
        if (k == clusters.size()) {
            clusters.emplace_back();
            seedX.push_back(o.endX[c]), seedY.push_back(o.endY[c]);
            sumX.push_back(0), sumY.push_back(0);
        }
        sumX[k] += o.endX[c], sumY[k] += o.endY[c];
        ++clusters[k].cells;
    }
    for (size_t k = 0; k < clusters.size(); ++k) {
        clusters[k].x = sumX[k] / clusters[k].cells;
        clusters[k].y = sumY[k] / clusters[k].cells;
        clusters[k].cells = 0; // counted again when labelling
    }
    return clusters;
}

// Labels every start that ran: diverged, the attractor its end point lies near, or undecided.
void classify(const Objective& f, const basin::Outcomes& o, double tol, BasinMap& map) {
    const auto& optima = f.info().optima;
    for (size_t k = 0; k < optima.size(); ++k) {
        if (optima[k].x.size() != 2) continue;
        Attractor a;
        a.x = optima[k].x[0], a.y = optima[k].x[1];
        a.value = optima[k].value;
        a.optimumIndex = static_cast<int>(k);
        a.kind = optima[k].kind;
        map.attractors.push_back(a);
    }
    if (map.attractors.empty()) {
        map.attractors = clusterEndPoints(o, tol);
        Vec p(2);
        for (Attractor& a : map.attractors) {
            p << a.x, a.y;
            a.value = f.value(p);
        }
    }
    for (size_t c = 0; c < o.ran.size(); ++c) {
        int& label = map.labels[c];
        if (!o.ran[c]) {
            label = BasinMap::kNotRun;
            continue;
        }
        ++map.completed;
        if (o.status[c] == RunStatus::Diverged) {
            label = BasinMap::kDiverged;
            continue;
        }
        label = nearest(map.attractors, o.endX[c], o.endY[c], tol);
        if (label < 0)
            label = BasinMap::kUndecided;
        else
            ++map.attractors[static_cast<size_t>(label)].cells;
    }
}

} // namespace

BasinMap computeBasinMap(const Objective& f, const BasinMapSettings& settings,
                         const std::function<void(int, int)>& progress,
                         const std::atomic<bool>* cancel) {
    BasinMap map;
    std::unique_ptr<Optimizer> probe;
    auto error = settings.validate();
    if (!error && f.dimension() != 2)
        error = "the objective must have 2 variables, it has " + std::to_string(f.dimension());
    if (!error) error = configure(settings, probe);
    if (error) {
        map.status = BasinMapStatus::Invalid;
        map.error = *error;
        return map;
    }

    const int cells = settings.nx * settings.ny;
    basin::Outcomes o;
    o.box = settings.box;
    o.nx = settings.nx;
    o.ny = settings.ny;
    o.resize(cells);
    basin::StartQueue queue(cells, progress, cancel);

    const BlockPlan plan = blockPlan(f, settings.rules, settings.allowValueSkip);
    map.usedBlocks = settings.allowBlocks && plan.program && settings.optimizer == "gd";
    map.skippedValue = map.usedBlocks && !plan.withValue;
    const double lr = probe->get("lr");
    const int jobs =
        map.usedBlocks ? (cells + expr::Program::kBlock - 1) / expr::Program::kBlock : cells;
    const int workers = workerCount(jobs, settings.threads);
    auto work = [&] {
        if (map.usedBlocks)
            basin::runGradientDescentBlocks(*plan.program, plan.withValue, plan.sign, lr,
                                            settings.rules, queue, o);
        else
            basin::runTrajectories(f, settings.optimizer, settings.hyperParams, settings.rules,
                                   queue, o);
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w)
        pool.emplace_back(work);
    work();
    for (std::thread& th : pool)
        th.join();

    map.box = settings.box;
    map.nx = settings.nx;
    map.ny = settings.ny;
    map.labels.assign(static_cast<size_t>(cells), BasinMap::kNotRun);
    const double diagonal = (settings.box.hi - settings.box.lo).norm();
    classify(f, o, settings.attractorTolerance * diagonal, map);
    map.steps = std::move(o.steps);
    map.endX = std::move(o.endX);
    map.endY = std::move(o.endY);
    map.runStatus = std::move(o.status);
    if (map.completed < cells) map.status = BasinMapStatus::Cancelled;
    return map;
}

} // namespace gs
