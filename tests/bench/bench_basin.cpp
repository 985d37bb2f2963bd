// Basin map benchmark: 256 × 256 starts, 500 gradient-descent steps each, on the article's
// f(x, y) = cos(3x + 2y) + cos(2x + 4y) − 2 sin(x + y) over [−3, 3]². Ours (computeBasinMap,
// the formula through the block evaluator) against the practical limit, a hand-written SLEEF
// loop at the widest vectors this CPU has (AVX-512 or AVX2), on the same cores, and against
// numpy (scripts/bench-basin passes its time in). The u35 loop computes only ∇f (sin, sin,
// cos); the checked loop does a basin map step's whole work (f and ∇f with three sincos, the
// divergence test every step), the like-for-like reference. Both at the engine's accuracy.
//
//   bench_basin [--numpy-ms T] [--repeats R]
//
// Every variant runs R times, interleaved so that a burst of load from elsewhere hits them all;
// the table shows medians of wall-clock time, and of CPU time (all threads), which a machine
// shared with other work disturbs less.

#include "analysis/basin_map.h"
#include "basin_sleef.h"
#include "objective/expression_objective.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

using namespace gs;

namespace {

constexpr int kN = 256;
constexpr int kSteps = 500;
constexpr double kLr = 0.01; // below 2/λmax everywhere: |∇²f| ≤ 13 + 20 + 4 = 37
constexpr const char* kFormula = "cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)";

struct Starts {
    std::vector<double> x, y; // row-major, as the basin map's cells
};

Starts starts() {
    Starts s;
    for (int j = 0; j < kN; ++j)
        for (int i = 0; i < kN; ++i) {
            s.x.push_back(-3.0 + 6.0 * i / (kN - 1));
            s.y.push_back(-3.0 + 6.0 * j / (kN - 1));
        }
    return s;
}

BasinMapSettings settings(int threads) {
    BasinMapSettings s;
    s.box.lo = Vec::Constant(2, -3.0);
    s.box.hi = Vec::Constant(2, 3.0);
    s.nx = s.ny = kN;
    s.hyperParams = {{"lr", kLr}};
    s.rules.maxSteps = kSteps;
    s.rules.gradientTol = 0; // every start takes all its steps, as the reference loops do
    s.threads = threads;
    return s;
}

using Kernel = void (*)(const double*, const double*, double*, double*, int, int, double, bool);
Kernel kernel = nullptr;
using CheckedKernel = void (*)(const double*, const double*, double*, double*, int, int, double,
                               double);
CheckedKernel checkedKernel = nullptr;
const char* kernelName = "";

// The SLEEF loop on `threads` threads, which take chunks of 2,048 starts from a shared counter
// until none is left (as the basin map's workers take blocks), so a core that another program
// slows down for a moment does not hold up the rest.
// checked: f too, and the divergence test every step (u35 only).
void sleef(const Starts& s, std::vector<double>& x, std::vector<double>& y, int threads, bool u35,
           bool checked = false) {
    auto call = [&](int first, int count) {
        if (checked)
            checkedKernel(s.x.data() + first, s.y.data() + first, x.data() + first,
                          y.data() + first, count, kSteps, kLr, StopRules{}.bound);
        else
            kernel(s.x.data() + first, s.y.data() + first, x.data() + first, y.data() + first,
                   count, kSteps, kLr, u35);
    };
    const int n = static_cast<int>(s.x.size());
    constexpr int chunk = 2048; // a multiple of two vectors of any width
    std::atomic<int> next{0};
    auto work = [&] {
        for (int first; (first = next.fetch_add(chunk)) < n;)
            call(first, std::min(chunk, n - first));
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread& t : pool)
        t.join();
}

double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

struct Times {
    std::vector<double> wall, cpu;
};

void measure(Times& t, const std::function<void()>& fn) {
    const double c0 = cpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    t.wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    t.cpu.push_back(cpuSeconds() - c0);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

} // namespace

int main(int argc, char** argv) {
    double numpyMs = 0;
    int repeats = 5;
    for (int a = 1; a + 1 < argc; a += 2) {
        if (!std::strcmp(argv[a], "--numpy-ms")) numpyMs = std::atof(argv[a + 1]);
        if (!std::strcmp(argv[a], "--repeats")) repeats = std::max(1, std::atoi(argv[a + 1]));
    }
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) {
        kernel = sleefDescentAvx512, kernelName = "AVX-512";
        checkedKernel = sleefCheckedDescentAvx512;
    } else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        kernel = sleefDescentAvx2, kernelName = "AVX2";
        checkedKernel = sleefCheckedDescentAvx2;
    } else {
        std::fprintf(stderr, "bench_basin: the SLEEF reference needs AVX2 and FMA\n");
        return 1;
    }
    const auto f = std::get<std::shared_ptr<ExpressionObjective>>(
        ExpressionObjective::compile(kFormula, {"x", "y"}));
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const Starts s = starts();
    std::vector<double> hx(s.x.size()), hy(s.x.size());
    BasinMap map;

    std::map<std::string, Times> t;
    for (int r = 0; r < repeats; ++r) {
        measure(t["ours, all cores"], [&] { map = computeBasinMap(*f, settings(0)); });
        measure(t["ours, 1 core"], [&] { computeBasinMap(*f, settings(1)); });
        measure(t["ours, 2 cores"], [&] { computeBasinMap(*f, settings(2)); });
        measure(t["SLEEF u35, all cores"], [&] { sleef(s, hx, hy, cores, true); });
        measure(t["SLEEF u10, all cores"], [&] { sleef(s, hx, hy, cores, false); });
        measure(t["SLEEF u35, 1 core"], [&] { sleef(s, hx, hy, 1, true); });
        measure(t["SLEEF checked, all cores"], [&] { sleef(s, hx, hy, cores, true, true); });
        measure(t["SLEEF checked, 1 core"], [&] { sleef(s, hx, hy, 1, true, true); });
    }
    std::vector<double> cx(hx.size()), cy(hx.size());
    sleef(s, cx, cy, cores, true, true);
    sleef(s, hx, hy, cores, true);
    double worst = 0; // the two compute the same descent, up to rounding
    for (size_t c = 0; c < hx.size(); ++c)
        worst = std::max({worst, std::abs(hx[c] - map.endX[c]), std::abs(hy[c] - map.endY[c]),
                          std::abs(cx[c] - map.endX[c]), std::abs(cy[c] - map.endY[c])});

    const double steps = kN * kN * double(kSteps);
    std::printf("basin map %d x %d, %d GD steps per start (%.1f M steps), %d cores, block path "
                "%s; reference: SLEEF %s; load average %.1f\n",
                kN, kN, kSteps, steps / 1e6, cores, map.usedBlocks ? "yes" : "NO", kernelName, [] {
                    double l[1] = {0};
                    return getloadavg(l, 1) == 1 ? l[0] : -1.0;
                }());
    std::printf("max |end point ours - SLEEF loops| = %.2e\n", worst);
    // The engine's sin, cos and sincos are SLEEF's 3.5-ulp functions (simd_math_kernel.inc), so
    // the u35 loops are the same accuracy class; the checked loop also does the same work as a
    // basin map's step (f with ∇f, three sincos, the divergence test).
    std::printf("accuracy: ours and the u35 loops SLEEF 3.5 ulp; u10 loop 1 ulp (extra line)\n\n");
    std::printf("%-24s %11s %9s %11s %12s\n", "variant", "wall (med)", "wall min", "CPU (med)",
                "ns/step wall");
    std::map<std::string, double> wall, cpu;
    for (const auto& [name, v] : t) {
        wall[name] = median(v.wall) * 1e3;
        cpu[name] = median(v.cpu) * 1e3;
        std::printf("%-24s %8.1f ms %6.1f ms %8.1f ms %12.2f\n", name.c_str(), wall[name],
                    *std::min_element(v.wall.begin(), v.wall.end()) * 1e3, cpu[name],
                    wall[name] * 1e6 / steps);
    }
    if (numpyMs > 0) std::printf("%-24s %8.1f ms\n", "numpy (median)", numpyMs);

    struct Row {
        std::string name;
        double got, target;
    };
    const double ours = wall["ours, all cores"];
    std::vector<Row> rows = {
        {"ours / SLEEF u35 loop speed", wall["SLEEF u35, all cores"] / ours, 0.7},
        {"ours / SLEEF u10 loop speed", wall["SLEEF u10, all cores"] / ours, 0},
        {"ours / SLEEF checked loop speed", wall["SLEEF checked, all cores"] / ours, 0.7},
        {"speed-up 1 -> 2 cores", wall["ours, 1 core"] / wall["ours, 2 cores"], 1.8},
        {"  same, SLEEF u35 loop", wall["SLEEF u35, 1 core"] / wall["SLEEF u35, all cores"], 0},
        {"  ours / SLEEF u35, CPU time", cpu["SLEEF u35, all cores"] / cpu["ours, all cores"], 0},
        {"  ours / SLEEF u35, 1 core CPU", cpu["SLEEF u35, 1 core"] / cpu["ours, 1 core"], 0},
        {"  ours / checked, CPU time", cpu["SLEEF checked, all cores"] / cpu["ours, all cores"], 0},
        {"  ours / checked, 1 core CPU", cpu["SLEEF checked, 1 core"] / cpu["ours, 1 core"], 0},
        // On a loaded machine the wall-clock speed-up says little; CPU time on 2 cores over 1
        // core is the work added by going parallel (1.00: none, so 2 idle cores give ~2x).
        {"  CPU time 2 cores / 1 core", cpu["ours, 2 cores"] / cpu["ours, 1 core"], 0},
    };
    if (numpyMs > 0) rows.insert(rows.begin() + 2, {"numpy time / ours", numpyMs / ours, 3.0});
    std::printf("\n%-32s %8s %8s  result\n", "ratio (wall-clock medians)", "got", "target");
    for (const Row& r : rows) {
        char target[16] = "info";
        if (r.target > 0) std::snprintf(target, sizeof target, ">= %.1f", r.target);
        std::printf("%-32s %8.2f %8s  %s\n", r.name.c_str(), r.got, target,
                    r.target > 0 ? (r.got >= r.target ? "met" : "MISSED") : "");
    }
    return 0;
}
