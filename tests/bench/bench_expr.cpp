// The expression engine against hand-written C++ (single points) and, with scripts/bench,
// against numpy (512 × 512 grid). Function: the article's
// f(x, y) = cos(3x + 2y) + cos(2x + 4y) − 2 sin(x + y).

#include "expr/grid.h"
#include "objective/expression_objective.h"
#include "oracles/article_functions.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <thread>

using namespace gs;

namespace {

constexpr const char* kFormula = "cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)";
constexpr int kGrid = 512;
constexpr int kPoints = 1024;

const std::shared_ptr<ExpressionObjective>& compiled() {
    static const auto f = std::get<std::shared_ptr<ExpressionObjective>>(
        ExpressionObjective::compile(kFormula, {"x", "y"}));
    return f;
}

const std::vector<Vec>& points() {
    static const std::vector<Vec> p = [] {
        std::mt19937 rng(1);
        std::uniform_real_distribution<double> u(-3, 3);
        std::vector<Vec> v;
        for (int k = 0; k < kPoints; ++k)
            v.push_back((Vec(2) << u(rng), u(rng)).finished());
        return v;
    }();
    return p;
}

// What a careful programmer writes by hand: f and ∇f with shared arguments.
inline double handValueAndGradient(double x, double y, double* g) {
    const double a = 3 * x + 2 * y, b = 2 * x + 4 * y, c = x + y;
    const double sa = std::sin(a), sb = std::sin(b), cc = std::cos(c);
    g[0] = -3 * sa - 2 * sb - 2 * cc;
    g[1] = -2 * sa - 4 * sb - 2 * cc;
    return std::cos(a) + std::cos(b) - 2 * std::sin(c);
}

void BM_Point_HandWritten(benchmark::State& state) {
    const auto& p = points();
    size_t k = 0;
    double g[2];
    for (auto _ : state) {
        const Vec& x = p[k++ % kPoints];
        benchmark::DoNotOptimize(handValueAndGradient(x[0], x[1], g));
        benchmark::DoNotOptimize(g);
    }
}
BENCHMARK(BM_Point_HandWritten);

void BM_Point_ArticleObjective(benchmark::State& state) { // hand-written, behind Objective
    const ObjectivePtr f = article::cosineLandscape();
    const auto& p = points();
    size_t k = 0;
    Vec g(2);
    for (auto _ : state) {
        benchmark::DoNotOptimize(f->valueAndGradient(p[k++ % kPoints], g));
        benchmark::DoNotOptimize(g.data());
    }
}
BENCHMARK(BM_Point_ArticleObjective);

void BM_Point_Compiled(benchmark::State& state) { // the formula, behind Objective
    const auto& f = compiled();
    const auto& p = points();
    size_t k = 0;
    Vec g(2);
    for (auto _ : state) {
        benchmark::DoNotOptimize(f->valueAndGradient(p[k++ % kPoints], g));
        benchmark::DoNotOptimize(g.data());
    }
}
BENCHMARK(BM_Point_Compiled);

void gridBenchmark(benchmark::State& state, bool withGradient, int threads) {
    const auto& f = compiled();
    const expr::GridSpec grid{-3, 3, -3, 3, kGrid, kGrid};
    std::vector<double> v(kGrid * kGrid), gx(v.size()), gy(v.size());
    double* outs[3] = {v.data(), gx.data(), gy.data()};
    for (auto _ : state) {
        f->evaluateGrid(grid, outs, withGradient, threads);
        benchmark::DoNotOptimize(v.data());
    }
    state.counters["threads"] =
        threads > 0 ? threads : static_cast<double>(std::thread::hardware_concurrency());
}

void BM_Grid_Value(benchmark::State& s) {
    gridBenchmark(s, false, 0);
}
void BM_Grid_ValueGradient(benchmark::State& s) {
    gridBenchmark(s, true, 0);
}
void BM_Grid_Value_1Thread(benchmark::State& s) {
    gridBenchmark(s, false, 1);
}
void BM_Grid_ValueGradient_1Thread(benchmark::State& s) {
    gridBenchmark(s, true, 1);
}
BENCHMARK(BM_Grid_Value)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Grid_ValueGradient)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Grid_Value_1Thread)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Grid_ValueGradient_1Thread)->UseRealTime()->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
