#include "run/run_all.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace gs {

std::vector<Trajectory> runAll(const Objective& f, const std::vector<Optimizer*>& opts,
                               const Vec& start, const StopRules& rules, int threads) {
    std::vector<Trajectory> out(opts.size());
    // Runs differ in length (one converges at step 40, another takes all 2000), so workers take
    // the next run from a shared counter instead of a fixed share.
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next.fetch_add(1)) < opts.size();)
            out[i] = run(f, *opts[i], start, rules);
    };
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int n = std::clamp(static_cast<int>(opts.size()), 1, threads);
    std::vector<std::thread> pool;
    for (int w = 1; w < n; ++w)
        pool.emplace_back(work);
    work();
    for (std::thread& t : pool)
        t.join();
    return out;
}

} // namespace gs
