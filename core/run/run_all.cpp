#include "run/run_all.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace gs {

namespace {
bool sharesAnOptimizer(std::span<const RunRequest> requests) {
    std::vector<const Optimizer*> seen;
    for (const RunRequest& r : requests) {
        if (std::find(seen.begin(), seen.end(), r.optimizer) != seen.end()) return true;
        seen.push_back(r.optimizer);
    }
    return false;
}
} // namespace

void runAll(const Objective& f, std::span<const RunRequest> requests, const StopRules& rules,
            std::vector<Trajectory>& out, int threads) {
    out.resize(requests.size());
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (sharesAnOptimizer(requests)) threads = 1;
    // Runs differ in length (one converges at step 40, another takes all 2000), so workers take
    // the next run from a shared counter instead of a fixed share.
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next.fetch_add(1)) < requests.size();) {
            const RunRequest& r = requests[i];
            if (r.schedule)
                run(f, *r.optimizer, r.start, rules, *r.schedule, out[i]);
            else
                run(f, *r.optimizer, r.start, rules, out[i]);
        }
    };
    const int n = std::clamp(static_cast<int>(requests.size()), 1, threads);
    std::vector<std::thread> pool;
    for (int w = 1; w < n; ++w)
        pool.emplace_back(work);
    work();
    for (std::thread& t : pool)
        t.join();
}

std::vector<Trajectory> runAll(const Objective& f, std::span<const RunRequest> requests,
                               const StopRules& rules, int threads) {
    std::vector<Trajectory> out;
    runAll(f, requests, rules, out, threads);
    return out;
}

} // namespace gs
