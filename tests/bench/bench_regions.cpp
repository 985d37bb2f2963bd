// Decision regions of a 2–32–32–2 tanh MLP on a 200 × 200 grid, redrawn as after a training step:
// the grid evaluated in core (one batch of 40,000 points: three matrix products), coloured into
// an image, and the view replotted at 800 × 800 on the offscreen platform. Median per redraw
// (weights alternate so each redraw shows new regions), split into compute and paint, and as a
// ratio to the 10 ms target; also the median CPU time of the redrawing thread, which a machine
// busy with other work does not inflate.

#include "learn/decision_grid.h"
#include "learn/synthetic.h"
#include "views/decision_regions_view.h"

#include <benchmark/benchmark.h>
#include <qcustomplot.h>

#include <QApplication>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <vector>

using namespace gs;
using namespace gs::app;

namespace {

constexpr double kTargetMs = 10.0;

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// CPU time of this thread: on a machine shared with other jobs the wall clock also counts the
// time this thread waited for a core; the thread's own time is what a redraw costs.
double threadMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

double median(std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
    return v[v.size() / 2];
}

void BM_RegionsRedraw(benchmark::State& state) {
    learn::SyntheticParams sp;
    sp.kind = learn::SyntheticKind::Moons;
    const learn::Dataset data = learn::makeSynthetic(sp).data;
    const learn::Network net(
        learn::mlp(2, {32, 32}, 2, learn::Activation::Tanh, learn::Precision::Float32));
    const Vec weights[2] = {net.initialParameters(1) * 2, net.initialParameters(2) * 2};
    const learn::GridBox box{-1.6, 2.6, -1.2, 1.7, 200, 200};
    learn::DecisionGridEvaluator evaluator(net, box);

    DecisionRegionsView view(1);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(800, 800);
    view.show();
    view.setData(data);
    view.setBox(box);
    view.setRegions(0, evaluator.evaluate(weights[0]));
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);

    std::vector<double> total, compute, paint, cpu;
    int k = 0;
    for (auto _ : state) {
        const double cpu0 = threadMs();
        const auto t0 = std::chrono::steady_clock::now();
        const learn::DecisionGrid& grid = evaluator.evaluate(weights[++k % 2]);
        const double c = msSince(t0);
        const auto t1 = std::chrono::steady_clock::now();
        view.setRegions(0, grid);
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        const double p = msSince(t1);
        compute.push_back(c);
        paint.push_back(p);
        total.push_back(c + p);
        cpu.push_back(threadMs() - cpu0);
    }
    state.counters["median_ms"] = median(total);
    state.counters["compute_ms"] = median(compute);
    state.counters["paint_ms"] = median(paint);
    state.counters["vs_target_10ms"] = median(total) / kTargetMs;
    state.counters["thread_cpu_ms"] = median(cpu);
    state.counters["cpu_vs_target_10ms"] = median(cpu) / kTargetMs;
}

} // namespace

BENCHMARK(BM_RegionsRedraw)->Unit(benchmark::kMillisecond)->Iterations(100);

#include "qt_bench_main.h"
