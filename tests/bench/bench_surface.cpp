// The 3D surface view on the offscreen platform at 1600×1000: orbiting a 120×120 mesh of the
// article's landscape with 4 descent paths, one mouse-move event and one synchronous repaint per
// frame. Median frame time while dragging (draft quality) and at full quality, as ratios to the
// 16 ms frame budget (≤ 1 required while dragging). Wall time and this thread's CPU time are both
// reported: on a loaded machine the CPU time is what the frame costs.

#include "objective/catalog.h"
#include "optim/registry.h"
#include "run/run_all.h"
#include "views/surface_view.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QMouseEvent>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <vector>

using namespace gs;
using namespace gs::app;

namespace {

constexpr double kFrameTargetMs = 16.0;
constexpr int kSteps = 500;

double median(std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
    return v[v.size() / 2];
}

double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/// A shown 1600×1000 surface of the article's function with the runs of its built-in scene.
struct Surface {
    SurfaceView view;
    Surface() {
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.resize(1600, 1000);
        view.show();
        const ObjectivePtr f = makeCatalogObjective("cosine-landscape");
        view.setObjective(f);
        const char* keys[] = {"gd", "momentum", "adam", "adagrad"};
        const double lrs[] = {0.05, 0.02, 0.05, 0.3};
        std::vector<std::unique_ptr<Optimizer>> owned;
        std::vector<RunRequest> requests;
        for (int i = 0; i < 4; ++i) {
            owned.push_back(createOptimizer(keys[i]));
            (void)owned.back()->set("lr", lrs[i]);
            requests.push_back({owned.back().get(), (Vec(2) << 0.5, -1.0).finished()});
        }
        StopRules rules;
        rules.maxSteps = kSteps;
        std::vector<Trajectory> runs;
        runAll(*f, requests, rules, runs);
        QVector<SurfacePath> paths;
        PlotStyle style;
        for (int i = 0; i < 4; ++i) {
            SurfacePath p{{}, style.pathColor(i), QString::fromLatin1(keys[i])};
            for (int k = 0; k < runs[size_t(i)].size(); ++k)
                p.points.push_back(
                    {runs[size_t(i)].x(k)[0], runs[size_t(i)].x(k)[1], runs[size_t(i)].f(k)});
            paths << p;
        }
        view.setPaths(paths);
        view.setCamera({120, 45, 1});
        QApplication::processEvents();
    }
    void send(QEvent::Type type, QPointF at) {
        QMouseEvent e(type, at, view.mapToGlobal(at), Qt::LeftButton,
                      type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton, {});
        QApplication::sendEvent(&view, &e);
    }
};

/// One frame per iteration: the camera turns by 2° (a 4-pixel mouse move while dragging), the
/// view repaints at once.
void orbit(benchmark::State& state, bool dragging) {
    Surface s;
    std::vector<double> wall, cpu;
    QPointF at(800, 500);
    if (dragging) s.send(QEvent::MouseButtonPress, at);
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = threadCpuMs();
        if (dragging) {
            at += QPointF(4, 0);
            s.send(QEvent::MouseMove, at);
        } else {
            SurfaceCamera c = s.view.camera();
            c.azimuth -= 2;
            s.view.setCamera(c);
        }
        s.view.repaint();
        cpu.push_back(threadCpuMs() - c0);
        wall.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    if (dragging) s.send(QEvent::MouseButtonRelease, at);
    state.counters["wall_ms"] = median(wall);
    state.counters["cpu_ms"] = median(cpu);
    state.counters["wall_vs_16ms"] = median(wall) / kFrameTargetMs;
    state.counters["cpu_vs_16ms"] = median(cpu) / kFrameTargetMs;
}

void BM_OrbitDraft(benchmark::State& state) {
    orbit(state, true);
}
void BM_OrbitFull(benchmark::State& state) {
    orbit(state, false);
}

} // namespace

BENCHMARK(BM_OrbitDraft)->Unit(benchmark::kMillisecond)->Iterations(120);
BENCHMARK(BM_OrbitFull)->Unit(benchmark::kMillisecond)->Iterations(40);

#include "qt_bench_main.h"
