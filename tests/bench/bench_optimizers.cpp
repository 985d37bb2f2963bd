// Steps per second of every optimizer on Rosenbrock (a = 1, b = 100), against a hand-written
// gradient-descent loop with a hand-written gradient measured in the same run.
//   HandWrittenGD      the floor: two doubles, inline gradient, no virtual calls
//   Step/<key>         f.valueAndGradient + opt.step, nothing recorded
//   Run/<key>          gs::run recording every point into a reused Trajectory
//   RunAll/8x2000      what the 2D view does on a slider move: 8 paths × 2000 steps
// Every benchmark counts steps as items, so ns/step = 1e9 / items_per_second.

#include "objective/catalog.h"
#include "optim/registry.h"
#include "run/run_all.h"

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

using namespace gs;

namespace {

constexpr int kSteps = 2000;
constexpr double kStartX = -1.2, kStartY = 1.0;
constexpr double kGdLr = 1e-4; // stable for Rosenbrock's curvature (≈ 1500) near the start

// Rosenbrock as the app runs it: the catalog's formula "(1 - x)^2 + 100 (y - x^2)^2", compiled by
// the expression engine.
const Objective& rosenbrock() {
    static const ObjectivePtr f = makeCatalogObjective("rosenbrock");
    return *f;
}

std::unique_ptr<Optimizer> configured(const std::string& key) {
    auto opt = createOptimizer(key);
    // The momentum family at its default λ = 0.01 diverges on Rosenbrock; use gd's step.
    if (key == "gd" || key == "momentum" || key == "nesterov") (void)opt->set("lr", kGdLr);
    return opt;
}

void handWrittenGD(benchmark::State& state) {
    for (auto _ : state) {
        double x = kStartX, y = kStartY, f = 0;
        for (int k = 0; k < kSteps; ++k) {
            const double a = 1 - x, b = y - x * x;
            f = a * a + 100 * b * b;
            const double gx = -2 * a - 400 * x * b, gy = 200 * b;
            x -= kGdLr * gx;
            y -= kGdLr * gy;
            benchmark::DoNotOptimize(f);
        }
        benchmark::DoNotOptimize(x);
        benchmark::DoNotOptimize(y);
    }
    state.SetItemsProcessed(state.iterations() * kSteps);
}

void stepOnly(benchmark::State& state, const std::string& key) {
    const Objective& f = rosenbrock();
    auto opt = configured(key);
    Vec x(2), g(2);
    for (auto _ : state) {
        opt->reset(2);
        x << kStartX, kStartY;
        for (int k = 0; k < kSteps; ++k) {
            benchmark::DoNotOptimize(f.valueAndGradient(x, g));
            opt->step(f, x, g);
        }
        benchmark::DoNotOptimize(x.data());
    }
    if (!x.allFinite()) state.SkipWithError("diverged");
    state.SetItemsProcessed(state.iterations() * kSteps);
}

StopRules fixedLength() {
    StopRules rules;
    rules.maxSteps = kSteps;
    rules.gradientTol = 0; // never stop early: every run is kSteps long
    return rules;
}

void recordedRun(benchmark::State& state, const std::string& key) {
    auto opt = configured(key);
    const Vec start{{kStartX, kStartY}};
    Trajectory t;
    for (auto _ : state) {
        run(rosenbrock(), *opt, start, fixedLength(), t);
        benchmark::DoNotOptimize(t.f(t.size() - 1));
    }
    if (t.status() != RunStatus::StepLimit) state.SkipWithError(describeStatus(t).c_str());
    state.SetItemsProcessed(state.iterations() * (t.size() - 1));
}

void runAllPaths(benchmark::State& state) {
    const std::vector<std::string> keys = optimizerKeys();
    std::vector<std::unique_ptr<Optimizer>> opts;
    std::vector<RunRequest> requests;
    for (int i = 0; i < 8; ++i) {
        opts.push_back(configured(keys[static_cast<size_t>(i) % keys.size()]));
        requests.push_back({opts.back().get(), Vec{{kStartX + 0.1 * i, kStartY}}});
    }
    std::vector<Trajectory> paths;
    for (auto _ : state) {
        runAll(rosenbrock(), requests, fixedLength(), paths);
        benchmark::DoNotOptimize(paths.data());
    }
    long steps = 0;
    for (const Trajectory& t : paths)
        steps += t.size() - 1;
    state.SetItemsProcessed(state.iterations() * steps);
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RegisterBenchmark("HandWrittenGD", handWrittenGD);
    for (const std::string& key : optimizerKeys())
        benchmark::RegisterBenchmark(("Step/" + key).c_str(), stepOnly, key);
    for (const std::string& key : optimizerKeys())
        benchmark::RegisterBenchmark(("Run/" + key).c_str(), recordedRun, key);
    benchmark::RegisterBenchmark("RunAll/8x2000", runAllPaths)->Unit(benchmark::kMicrosecond);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
