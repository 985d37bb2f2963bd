// Landscape page timings on the offscreen platform at 1600×1000:
//  (a) dragging the start with 8 optimizers × 2000 steps on Rosenbrock: recompute every run,
//      replot the paths layer, let the event loop paint; median per drag event (target ≤ 8 ms);
//  (b) sampling a 400×400 grid + isolines against one full replot of the view (target: cheaper).

#include "controls/param_slider.h"
#include "field/grid.h"
#include "field/isolines.h"
#include "field/levels.h"
#include "objective/catalog.h"
#include "optim/registry.h"
#include "pages/landscape/landscape_page.h"
#include "run/run_all.h"
#include "views/landscape_view.h"

#include <benchmark/benchmark.h>
#include <qcustomplot.h>

#include <QApplication>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>
#include <vector>

using namespace gs;
using namespace gs::app;

namespace {

constexpr int kOptimizers = 8;
constexpr int kSteps = 2000;
constexpr double kDragTargetMs = 8.0;

// Rosenbrock as the app runs it: the catalog's formula, compiled by the expression engine.
ObjectivePtr rosenbrock() {
    return makeCatalogObjective("rosenbrock");
}

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
    return v[v.size() / 2];
}

/// A shown page with kOptimizers runs of kSteps on Rosenbrock; keys cycle through the registry,
/// learning rates spread so no run converges or diverges early.
struct Page {
    LandscapePage page;
    Page() {
        page.setAttribute(Qt::WA_DontShowOnScreen);
        page.resize(1600, 1000);
        page.show();
        page.setObjective(rosenbrock());
        while (page.optimizerCount() > 0)
            page.removeOptimizer(0);
        const auto keys = optimizerKeys();
        for (int i = 0; i < kOptimizers; ++i) {
            const int k = page.addOptimizer(keys[size_t(i) % keys.size()]);
            if (page.optimizer(k).key() == "gd") page.optimizer(k).set("lr", 1e-4 * (1 + i * 0.8));
        }
        page.setMaxSteps(kSteps);
        QApplication::processEvents();
    }
};

void BM_DragStart(benchmark::State& state) {
    Page p;
    p.page.view()->setDraft(true); // as a drag of the start point does (LandscapeView::onPress)
    std::vector<double> times, recompute, paint;
    int i = 0;
    for (auto _ : state) {
        // The start circles around (−1.5, 2) the way a mouse drag would move it.
        const double a = 2 * std::numbers::pi * (i++ % 64) / 64.0;
        const auto t0 = std::chrono::steady_clock::now();
        p.page.setStart(QPointF(-1.5 + 0.2 * std::cos(a), 2.0 + 0.2 * std::sin(a)));
        recompute.push_back(msSince(t0)); // runs, paths layer, loss data, inspector
        const auto t1 = std::chrono::steady_clock::now();
        QApplication::processEvents(); // queued replots and the paint itself
        paint.push_back(msSince(t1));
        times.push_back(msSince(t0));
    }
    int steps = 0;
    for (int k = 0; k < p.page.optimizerCount(); ++k)
        steps += p.page.trajectory(k).size() - 1;
    state.counters["median_ms"] = median(times);
    state.counters["recompute_ms"] = median(recompute);
    state.counters["paint_ms"] = median(paint);
    state.counters["vs_target_8ms"] = median(times) / kDragTargetMs;
    state.counters["steps_per_drag"] = steps;
}

// The floor under (a): the runs alone, in parallel as the page computes them.
void BM_RunsOnly(benchmark::State& state) {
    const auto f = rosenbrock();
    std::vector<std::unique_ptr<Optimizer>> owned;
    std::vector<RunRequest> requests;
    const auto keys = optimizerKeys();
    for (int i = 0; i < kOptimizers; ++i) {
        owned.push_back(createOptimizer(keys[size_t(i) % keys.size()]));
        if (owned.back()->key() == "gd") (void)owned.back()->set("lr", 1e-4 * (1 + i * 0.8));
        requests.push_back({owned.back().get(), f->info().defaultStart});
    }
    StopRules rules;
    rules.maxSteps = kSteps;
    std::vector<Trajectory> out;
    for (auto _ : state) {
        runAll(*f, requests, rules, out);
        benchmark::DoNotOptimize(out.data());
    }
}

void BM_FieldVsReplot(benchmark::State& state) {
    Page p;
    const auto f = rosenbrock();
    QCustomPlot* plot = p.page.view()->plot();
    std::vector<double> field, replot;
    size_t lines = 0;
    for (auto _ : state) {
        auto t0 = std::chrono::steady_clock::now();
        const Grid g = sampleGrid(*f, f->info().viewBox, 400, 400);
        const auto iso =
            isolines(g, chooseLevels(g.minValue(), g.maxValue(), 14, LevelSpacing::Log));
        field.push_back(msSince(t0));
        lines = iso.size();
        t0 = std::chrono::steady_clock::now();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        replot.push_back(msSince(t0));
    }
    benchmark::DoNotOptimize(lines);
    state.counters["field_400x400_ms"] = median(field);
    state.counters["full_replot_ms"] = median(replot);
    state.counters["field_over_replot"] = median(field) / median(replot);
}

} // namespace

BENCHMARK(BM_DragStart)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(BM_RunsOnly)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_FieldVsReplot)->Unit(benchmark::kMillisecond)->Iterations(40);

#include "qt_bench_main.h"
