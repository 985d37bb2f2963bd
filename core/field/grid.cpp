#include "field/grid.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <thread>

namespace gs {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double Grid::minValue() const {
    double m = kNaN;
    for (double v : values)
        if (std::isfinite(v) && !(v >= m)) m = v; // !(v >= NaN) is true: the first finite wins
    return m;
}

double Grid::maxValue() const {
    double m = kNaN;
    for (double v : values)
        if (std::isfinite(v) && !(v <= m)) m = v;
    return m;
}

int workerCount(int jobs, int threads) {
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return std::clamp(jobs, 1, threads);
}

Grid sampleGrid(const Objective& f, const Box& box, int nx, int ny, int threads) {
    if (f.dimension() != 2) throw std::invalid_argument("sampleGrid: objective must be 2D");
    if (nx < 2 || ny < 2) throw std::invalid_argument("sampleGrid: nx and ny must be ≥ 2");
    Grid g;
    g.xMin = box.lo[0];
    g.xMax = box.hi[0];
    g.yMin = box.lo[1];
    g.yMax = box.hi[1];
    g.nx = nx;
    g.ny = ny;
    g.values.resize(static_cast<size_t>(nx) * ny);

    // Rows are interleaved (worker w takes rows w, w + n, ...) so cheap and expensive regions of
    // the box are spread evenly among the workers.
    const int n = workerCount(ny, threads);
    auto work = [&](int first) {
        Vec p(2);
        for (int j = first; j < ny; j += n) {
            p[1] = g.y(j);
            double* row = g.values.data() + static_cast<size_t>(j) * nx;
            for (int i = 0; i < nx; ++i) {
                p[0] = g.x(i);
                const double v = f.value(p);
                row[i] = std::isfinite(v) ? v : kNaN;
            }
        }
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < n; ++w)
        pool.emplace_back(work, w);
    work(0);
    for (std::thread& t : pool)
        t.join();
    return g;
}

} // namespace gs
