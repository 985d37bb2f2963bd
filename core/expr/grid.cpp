#include "expr/grid.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace gs::expr {

namespace {

double coordinate(double lo, double hi, int i, int n) {
    return n <= 1 ? lo : lo + (hi - lo) * i / (n - 1);
}

} // namespace

void evaluateGrid(const Program& program, const GridSpec& g, double* const* outputs, int threads) {
    if (g.nx <= 0 || g.ny <= 0 || program.numVariables() > 2) return;
    const long total = static_cast<long>(g.nx) * g.ny;
    constexpr int B = Program::kBlock;
    const long blocks = (total + B - 1) / B;
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = static_cast<int>(std::min<long>(threads, blocks));
    std::atomic<long> nextBlock{0};
    std::vector<double> xAt(static_cast<size_t>(g.nx));
    for (int i = 0; i < g.nx; ++i)
        xAt[static_cast<size_t>(i)] = coordinate(g.x0, g.x1, i, g.nx);

    // Blocks run along the flattened grid, so short rows still fill whole blocks.
    auto work = [&] {
        std::vector<double> scratch(static_cast<size_t>(program.blockScratchSize()));
        std::vector<double> xs(B), ys(B);
        std::vector<double*> outs(static_cast<size_t>(program.numOutputs()));
        const double* vars[2] = {xs.data(), ys.data()};
        for (long blk; (blk = nextBlock.fetch_add(1, std::memory_order_relaxed)) < blocks;) {
            const long first = blk * B;
            const int n = static_cast<int>(std::min<long>(B, total - first));
            // Walk the block's (i, j) incrementally: no division per sample.
            int i = static_cast<int>(first % g.nx), j = static_cast<int>(first / g.nx);
            double y = coordinate(g.y0, g.y1, j, g.ny);
            for (int k = 0; k < n; ++k) {
                xs[k] = xAt[static_cast<size_t>(i)];
                ys[k] = y;
                if (++i == g.nx) {
                    i = 0;
                    y = coordinate(g.y0, g.y1, ++j, g.ny);
                }
            }
            for (size_t o = 0; o < outs.size(); ++o)
                outs[o] = outputs[o] + first;
            program.evaluateBlock(vars, n, outs.data(), scratch.data());
        }
    };
    if (threads == 1) {
        work();
        return;
    }
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread& t : pool)
        t.join();
}

} // namespace gs::expr
