#include "analysis/basin_runs.h"

#include "optim/registry.h"
#include "run/trajectory.h"

#include <cmath>
#include <memory>

namespace gs::basin {

int StartQueue::next() {
    if (cancelled()) return -1;
    const int c = next_.fetch_add(1, std::memory_order_relaxed);
    return c < total_ ? c : -1;
}

void StartQueue::finished(int count) {
    if (count <= 0) return;
    std::lock_guard lock(mutex_);
    completed_ += count;
    if (progress_) progress_(completed_, total_);
}

void Outcomes::resize(int cells) {
    const auto n = static_cast<size_t>(cells);
    ran.assign(n, 0);
    steps.assign(n, 0);
    endX.assign(n, 0.0);
    endY.assign(n, 0.0);
    status.assign(n, RunStatus::StepLimit);
}

namespace {

// Progress is reported in batches: a lock per finished start would cost more than its step.
constexpr int kReportEvery = 64;

struct Reporter {
    StartQueue& queue;
    int pending = 0;
    void one() {
        if (++pending == kReportEvery) flush();
    }
    void flush() {
        queue.finished(pending);
        pending = 0;
    }
};

void record(Outcomes& out, int c, RunStatus status, int step, double x, double y) {
    const auto i = static_cast<size_t>(c);
    out.ran[i] = 1;
    out.status[i] = status;
    out.steps[i] = step;
    out.endX[i] = x;
    out.endY[i] = y;
}

// One lane per start: the point x_k, the previous point and value (for the step and value
// rules), and k.
struct Lanes {
    static constexpr int B = expr::Program::kBlock;
    double x[B], y[B], px[B], py[B], pf[B];
    double f[B], gx[B], gy[B]; // at (x, y), from the block evaluator
    int cell[B], k[B];

    // Lane `from` moves to lane `to` (its evaluated f and gradient with it).
    void move(int from, int to) {
        x[to] = x[from], y[to] = y[from], px[to] = px[from], py[to] = py[from];
        pf[to] = pf[from], f[to] = f[from], gx[to] = gx[from], gy[to] = gy[from];
        cell[to] = cell[from], k[to] = k[from];
    }
};

} // namespace

void runGradientDescentBlocks(const expr::Program& program, double sign, double lr,
                              const StopRules& rules, StartQueue& queue, Outcomes& out) {
    constexpr int B = Lanes::B;
    std::vector<double> scratch(static_cast<size_t>(program.blockScratchSize()));
    auto lanes = std::make_unique<Lanes>();
    Lanes& L = *lanes;
    const double* vars[2] = {L.x, L.y};
    double* outs[3] = {L.f, L.gx, L.gy};
    const double gradTol2 = rules.gradientTol * rules.gradientTol;
    Reporter report{queue};
    int n = 0; // active lanes, packed at the front
    bool more = true;
    for (;;) {
        if (queue.cancelled()) break;
        // Lanes freed by finished starts take new ones, so blocks stay full until the end.
        while (more && n < B) {
            const int c = queue.next();
            if (c < 0) {
                more = false;
                break;
            }
            L.x[n] = out.startX(c), L.y[n] = out.startY(c);
            L.px[n] = L.x[n], L.py[n] = L.y[n], L.pf[n] = 0;
            L.cell[n] = c, L.k[n] = 0;
            ++n;
        }
        if (n == 0) break;
        program.evaluateBlock(vars, n, outs, scratch.data());

        // The tests of run(), in its order, on x_k: divergence, then (k ≥ 1) the step and value
        // rules, then the gradient rule, then the step limit; otherwise one more step.
        for (int i = 0; i < n;) {
            const double x = L.x[i], y = L.y[i];
            const int k = L.k[i];
            const double f = sign * L.f[i], gx = sign * L.gx[i], gy = sign * L.gy[i];
            const bool finite = std::isfinite(f) && std::isfinite(x) && std::isfinite(y) &&
                                std::isfinite(gx) && std::isfinite(gy);
            const double largest = std::max(std::abs(f), std::max(std::abs(x), std::abs(y)));
            bool done = true;
            if (!finite || largest > rules.bound) {
                // Nothing recorded past x_{k−1}; at k = 0 the start is all there is.
                record(out, L.cell[i], RunStatus::Diverged, k, L.px[i], L.py[i]);
            } else if (k >= 1 && ((rules.stepTol > 0 &&
                                   std::sqrt((x - L.px[i]) * (x - L.px[i]) +
                                             (y - L.py[i]) * (y - L.py[i])) < rules.stepTol) ||
                                  (rules.valueTol > 0 && std::abs(f - L.pf[i]) < rules.valueTol))) {
                record(out, L.cell[i], RunStatus::Converged, k, x, y);
            } else if (rules.gradientTol > 0 && gx * gx + gy * gy < gradTol2) {
                record(out, L.cell[i], RunStatus::Converged, k, x, y);
            } else if (k >= rules.maxSteps) {
                record(out, L.cell[i], RunStatus::StepLimit, k, x, y);
            } else {
                done = false;
            }
            if (done) {
                report.one();
                if (i != --n) L.move(n, i); // the last lane, not yet tested, takes this one
                continue;
            }
            L.px[i] = x, L.py[i] = y, L.pf[i] = f;
            L.x[i] = x - lr * gx; // x ← x − λ ∇f(x)
            L.y[i] = y - lr * gy;
            ++L.k[i];
            ++i;
        }
    }
    report.flush();
}

void runTrajectories(const Objective& f, const std::string& optimizer,
                     const std::vector<std::pair<std::string, double>>& hyperParams,
                     const StopRules& rules, StartQueue& queue, Outcomes& out) {
    std::unique_ptr<Optimizer> opt = createOptimizer(optimizer);
    if (!opt) return; // checked by the caller
    for (const auto& [key, value] : hyperParams)
        opt->set(key, value);
    Trajectory t;
    Vec start(2);
    Reporter report{queue};
    for (int c; (c = queue.next()) >= 0;) {
        start << out.startX(c), out.startY(c);
        run(f, *opt, start, rules, t);
        const bool any = !t.empty();
        const double x = any ? t.x(t.size() - 1)[0] : start[0];
        const double y = any ? t.x(t.size() - 1)[1] : start[1];
        record(out, c, t.status(), t.stopStep(), x, y);
        report.one();
    }
    report.flush();
}

} // namespace gs::basin
