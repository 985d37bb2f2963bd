#include "analysis/lr_sweep.h"

#include "field/grid.h"
#include "optim/registry.h"
#include "text/quote.h"

#include <Eigen/Eigenvalues>

#include <cmath>
#include <limits>
#include <mutex>
#include <thread>

namespace gs {

std::optional<std::string> LrSweepSettings::validate() const {
    if (!(lo > 0) || !std::isfinite(lo)) return "lo must be finite and > 0";
    if (!(hi >= lo) || !std::isfinite(hi)) return "hi must be finite and ≥ lo";
    if (points < 1) return "points must be ≥ 1, got " + std::to_string(points);
    if (std::isnan(lossTarget)) return "lossTarget must not be NaN";
    if (start.size() == 0 || !start.allFinite()) return "start must be a finite point";
    if (auto e = rules.validate()) return "rules: " + *e;
    if (schedule)
        if (auto e = schedule->validate()) return "schedule: " + *e;
    return std::nullopt;
}

double sweepRate(double lo, double hi, int n, int i) {
    if (n <= 1 || i <= 0) return lo;
    if (i >= n - 1) return hi;
    return lo * std::pow(hi / lo, double(i) / (n - 1)); // lo (hi/lo)^(i/(n−1))
}

namespace {

// A fresh optimizer with the sweep's hyperparameters, or the message naming the bad one.
std::optional<std::string> configure(const LrSweepSettings& s, std::unique_ptr<Optimizer>& opt) {
    opt = createOptimizer(s.optimizer);
    if (!opt) return "optimizer: unknown key " + quote(s.optimizer);
    for (const auto& [key, value] : s.hyperParams)
        if (auto e = opt->set(key, value)) return "hyperParams: " + *e;
    // Both ends in the "lr" range, so every rate between them is too (set() never fails below).
    if (auto e = opt->set("lr", s.lo)) return "lo: " + *e;
    if (auto e = opt->set("lr", s.hi)) return "hi: " + *e;
    return std::nullopt;
}

LrSweepPoint evaluate(const Objective& f, Optimizer& opt, const LrSweepSettings& s, double lr,
                      Trajectory& t) {
    LrSweepPoint p;
    p.lr = lr;
    p.done = true;
    opt.set("lr", lr); // within [lo, hi], checked by configure()
    if (s.schedule)
        run(f, opt, s.start, s.rules, *s.schedule, t);
    else
        run(f, opt, s.start, s.rules, t);
    p.status = t.status();
    p.stopStep = t.stopStep();
    p.finalLoss = t.empty() ? std::numeric_limits<double>::quiet_NaN() : t.f(t.size() - 1);
    for (int k = 0; k < t.size(); ++k)
        if (t.f(k) <= s.lossTarget) {
            p.stepsToTarget = k;
            break;
        }
    return p;
}

} // namespace

LrSweepResult sweepLearningRate(const Objective& f, const LrSweepSettings& settings,
                                const std::function<void(int, int)>& progress,
                                const std::atomic<bool>* cancel) {
    LrSweepResult result;
    std::unique_ptr<Optimizer> probe;
    auto error = settings.validate();
    if (!error && settings.start.size() != f.dimension())
        error = "start must have the objective's dimension " + std::to_string(f.dimension());
    if (!error) error = configure(settings, probe);
    if (error) {
        result.status = LrSweepStatus::Invalid;
        result.error = *error;
        return result;
    }

    const int n = settings.points;
    result.points.resize(size_t(n));
    for (int i = 0; i < n; ++i)
        result.points[size_t(i)].lr = sweepRate(settings.lo, settings.hi, n, i);

    // Rates are interleaved (worker w takes w, w + workers, ...): large rates diverge early and
    // are cheap, so contiguous blocks would leave the small-rate worker last.
    const int workers = workerCount(n, settings.threads);
    std::mutex progressMutex;
    int completed = 0;
    auto work = [&](int first) {
        std::unique_ptr<Optimizer> opt;
        configure(settings, opt); // checked above
        Trajectory t;
        for (int i = first; i < n; i += workers) {
            if (cancel && cancel->load(std::memory_order_relaxed)) return;
            LrSweepPoint& p = result.points[size_t(i)];
            p = evaluate(f, *opt, settings, p.lr, t);
            std::lock_guard lock(progressMutex);
            ++completed;
            if (progress) progress(completed, n);
        }
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w)
        pool.emplace_back(work, w);
    work(0);
    for (std::thread& th : pool)
        th.join();

    result.completed = completed;
    if (completed < n) result.status = LrSweepStatus::Cancelled;
    return result;
}

double gdStabilityLimit(const Objective& f, const Vec& x) {
    Mat h;
    f.hessian(x, h);
    const Eigen::SelfAdjointEigenSolver<Mat> eig(h, Eigen::EigenvaluesOnly);
    if (eig.info() != Eigen::Success) return std::numeric_limits<double>::quiet_NaN();
    const double largest = eig.eigenvalues().maxCoeff(); // ascending, but NaN-safe either way
    return largest > 0 ? 2.0 / largest : std::numeric_limits<double>::infinity();
}

} // namespace gs
