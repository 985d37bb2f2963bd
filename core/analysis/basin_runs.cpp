#include "analysis/basin_runs.h"

#include "optim/registry.h"
#include "run/trajectory.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
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
// rules), and k. Structure of arrays, so the per-lane tests and the step vectorize.
struct Lanes {
    static constexpr int B = expr::Program::kBlock;
    alignas(64) double x[B], y[B], px[B], py[B], pf[B];
    alignas(64) double f[B], gx[B], gy[B]; // at (x, y), from the block evaluator
    // k and the stop code are 64-bit like the doubles, so every lane loop works on one width of
    // vector lane (mixing 32- and 64-bit lanes costs the loops a third of their speed).
    alignas(64) std::int64_t k[B];
    alignas(64) std::int64_t stop[B]; // what the tests decided: one of Stop
    int cell[B];

    // Lane `from` moves to lane `to` (its evaluated f and gradient with it).
    void move(int from, int to) {
        x[to] = x[from], y[to] = y[from], px[to] = px[from], py[to] = py[from];
        pf[to] = pf[from], f[to] = f[from], gx[to] = gx[from], gy[to] = gy[from];
        cell[to] = cell[from], k[to] = k[from], stop[to] = stop[from];
    }
};

enum Stop : std::int64_t { kGoOn = 0, kDiverged = 1, kConverged = 2, kStepLimit = 3 };

// The lane loops below are built for AVX-512, AVX2 and plain x86-64 and picked at load time: the
// rest of the core is built for plain x86-64. The file is compiled without floating-point
// contraction, so every variant rounds like run()'s scalar code, step by step.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define GS_LANE_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define GS_LANE_CLONES
#endif

// The tests of run() on x_k: divergence first, then the convergence rules (step and value for
// k ≥ 1, gradient), then the step limit. Branch-free over the lanes; returns how many stop.
// isfinite(v) is written v − v == 0 (false for NaN and ±∞) so the loop vectorizes.
GS_LANE_CLONES
int testLanes(Lanes& L, int n, double sign, const StopRules& r) {
    const double gradTol2 = r.gradientTol * r.gradientTol, bound = r.bound;
    const int gradRule = r.gradientTol > 0, maxSteps = r.maxSteps;
    int stopping = 0;
    for (int i = 0; i < n; ++i) {
        const double x = L.x[i], y = L.y[i];
        const double f = sign * L.f[i], gx = sign * L.gx[i], gy = sign * L.gy[i];
        const int finite =
            (f - f == 0) & (x - x == 0) & (y - y == 0) & (gx - gx == 0) & (gy - gy == 0);
        const double largest = std::max(std::abs(f), std::max(std::abs(x), std::abs(y)));
        const int diverged = (1 - finite) | (largest > bound);
        const int converged = (1 - diverged) & gradRule & (gx * gx + gy * gy < gradTol2);
        const int limit = (1 - diverged) & (1 - converged) & (L.k[i] >= maxSteps);
        const int stop = diverged * kDiverged + converged * kConverged + limit * kStepLimit;
        L.stop[i] = stop;
        stopping += stop != kGoOn;
    }
    if (!(r.stepTol > 0) && !(r.valueTol > 0)) return stopping;
    // The step and value rules, when on: ‖x_k − x_{k−1}‖ < stepTol or |f_k − f_{k−1}| < valueTol.
    for (int i = 0; i < n; ++i) {
        if (L.stop[i] == kDiverged || L.stop[i] == kConverged || L.k[i] < 1) continue;
        const double dx = L.x[i] - L.px[i], dy = L.y[i] - L.py[i];
        if ((r.stepTol > 0 && std::sqrt(dx * dx + dy * dy) < r.stepTol) ||
            (r.valueTol > 0 && std::abs(sign * L.f[i] - L.pf[i]) < r.valueTol)) {
            stopping += L.stop[i] == kGoOn;
            L.stop[i] = kConverged;
        }
    }
    return stopping;
}

// testLanes() and stepLanes() in one pass, when the step and value rules are off (as they are
// by default): lanes that go on step, lanes that stop keep x_k for record(). Without the value
// rule f_{k−1} is never read, so it is not kept; without WithValue f is not there at all (the
// caller proved it cannot fail the test) and the test reads x and ∇f alone.
// Without Limit, the step is one at which no lane can reach the step limit, which is most of
// them: each lane only says whether it stops at all (stop[i] is 1 for a lane that stops, 0 for
// one that stepped), and stopReason() settles why for the few that do; the loop is shorter.
template <bool WithValue, bool Limit>
[[gnu::always_inline]] inline int testAndStep(Lanes& L, int n, double sign, double lr,
                                              const StopRules& r) {
    const double gradTol2 = r.gradientTol * r.gradientTol, bound = r.bound;
    const std::int64_t gradRule = r.gradientTol > 0, maxSteps = r.maxSteps;
    std::int64_t stopping = 0;
    for (int i = 0; i < n; ++i) {
        const double x = L.x[i], y = L.y[i];
        const double f = WithValue ? sign * L.f[i] : 0.0, gx = sign * L.gx[i], gy = sign * L.gy[i];
        // v − v is 0 for finite v, NaN otherwise; the sum is NaN unless all five are finite.
        const double nonFinite = ((f - f) + (x - x)) + ((y - y) + ((gx - gx) + (gy - gy)));
        const double largest = std::max(std::abs(f), std::max(std::abs(x), std::abs(y)));
        const std::int64_t diverged = !(nonFinite == 0) | (largest > bound);
        bool go;
        if constexpr (Limit) {
            const std::int64_t converged =
                (1 - diverged) & gradRule & (gx * gx + gy * gy < gradTol2);
            const std::int64_t limit = (1 - diverged) & (1 - converged) & (L.k[i] >= maxSteps);
            const std::int64_t stop =
                diverged * kDiverged + converged * kConverged + limit * kStepLimit;
            go = stop == kGoOn;
            L.stop[i] = stop;
        } else {
            const bool stops = diverged | (gradRule & (gx * gx + gy * gy < gradTol2));
            go = !stops;
            L.stop[i] = stops;
        }
        stopping += !go;
        L.px[i] = go ? x : L.px[i]; // a diverged lane keeps x_{k−1} there for record()
        L.py[i] = go ? y : L.py[i];
        L.x[i] = go ? x - lr * gx : x; // x ← x − λ ∇f(x)
        L.y[i] = go ? y - lr * gy : y;
        L.k[i] += go;
    }
    return static_cast<int>(stopping);
}

// Why a lane that testAndStep<…, false>() stopped stops (its x, f and ∇f are as tested).
Stop stopReason(const Lanes& L, int i, double sign, bool withValue, const StopRules& r) {
    const double x = L.x[i], y = L.y[i];
    const double f = withValue ? sign * L.f[i] : 0.0, gx = sign * L.gx[i], gy = sign * L.gy[i];
    const bool finite = std::isfinite(f) && std::isfinite(x) && std::isfinite(y) &&
                        std::isfinite(gx) && std::isfinite(gy);
    if (!finite || std::max(std::abs(f), std::max(std::abs(x), std::abs(y))) > r.bound)
        return kDiverged;
    return kConverged;
}

GS_LANE_CLONES
int stepUnlessStoppingLanes(Lanes& L, int n, double sign, double lr, const StopRules& r) {
    return testAndStep<true, false>(L, n, sign, lr, r);
}

GS_LANE_CLONES
int stepUnlessStoppingLanesGradientOnly(Lanes& L, int n, double sign, double lr,
                                        const StopRules& r) {
    return testAndStep<false, false>(L, n, sign, lr, r);
}

GS_LANE_CLONES
int testAndStepLanes(Lanes& L, int n, double sign, double lr, const StopRules& r) {
    return testAndStep<true, true>(L, n, sign, lr, r);
}

GS_LANE_CLONES
int testAndStepLanesGradientOnly(Lanes& L, int n, double sign, double lr, const StopRules& r) {
    return testAndStep<false, true>(L, n, sign, lr, r);
}

// One step of every lane: x ← x − λ ∇f(x), remembering x and f for the step and value rules.
GS_LANE_CLONES
void stepLanes(Lanes& L, int n, double sign, double lr) {
    for (int i = 0; i < n; ++i) {
        const double x = L.x[i], y = L.y[i];
        L.px[i] = x, L.py[i] = y, L.pf[i] = sign * L.f[i];
        L.x[i] = x - lr * (sign * L.gx[i]);
        L.y[i] = y - lr * (sign * L.gy[i]);
        ++L.k[i];
    }
}

} // namespace

void runGradientDescentBlocks(const expr::Program& program, bool withValue, double sign, double lr,
                              const StopRules& rules, StartQueue& queue, Outcomes& out) {
    constexpr int B = Lanes::B;
    std::vector<double> scratch(static_cast<size_t>(program.blockScratchSize()));
    auto lanes = std::make_unique<Lanes>(); // value-initialized: f stays 0 without withValue
    Lanes& L = *lanes;
    const double* vars[2] = {L.x, L.y};
    double* valueAndGradient[3] = {L.f, L.gx, L.gy};
    double* const* outs = withValue ? valueAndGradient : valueAndGradient + 1;
    Reporter report{queue};
    int n = 0;               // active lanes, packed at the front
    std::int64_t oldest = 0; // no lane has taken more steps than this
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

        const bool fused = !(rules.stepTol > 0) && !(rules.valueTol > 0);
        const bool limitOut = oldest < rules.maxSteps; // no lane is at the step limit yet
        int stopping = 0;
        if (!fused)
            stopping = testLanes(L, n, sign, rules);
        else if (limitOut)
            stopping = withValue ? stepUnlessStoppingLanes(L, n, sign, lr, rules)
                                 : stepUnlessStoppingLanesGradientOnly(L, n, sign, lr, rules);
        else
            stopping = withValue ? testAndStepLanes(L, n, sign, lr, rules)
                                 : testAndStepLanesGradientOnly(L, n, sign, lr, rules);
        ++oldest;
        if (stopping > 0) {
            for (int i = 0; i < n;) {
                int stop = static_cast<int>(L.stop[i]);
                if (stop == kGoOn) {
                    ++i;
                    continue;
                }
                if (fused && limitOut) stop = stopReason(L, i, sign, withValue, rules);
                if (stop == kDiverged) // nothing recorded past x_{k−1}; at k = 0, the start
                    record(out, L.cell[i], RunStatus::Diverged, static_cast<int>(L.k[i]), L.px[i],
                           L.py[i]);
                else
                    record(out, L.cell[i],
                           stop == kConverged ? RunStatus::Converged : RunStatus::StepLimit,
                           static_cast<int>(L.k[i]), L.x[i], L.y[i]);
                report.one();
                if (i != --n) L.move(n, i); // the last lane, not yet looked at, takes this one
            }
        }
        if (!fused) stepLanes(L, n, sign, lr);
        if (stopping > 0 || (more && n < B)) { // lanes left, and new ones come: look again
            oldest = 0;
            for (int i = 0; i < n; ++i)
                oldest = std::max(oldest, L.k[i]);
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
