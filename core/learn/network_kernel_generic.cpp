// The network passes for generic x86-64 (SSE2), compiled with the project's flags like every
// other file, so Eigen keeps its own name here (see network_kernel_pass.inc).
#include <Eigen/Core>

#include "learn/network_kernel_isa.h"

#define GS_KERNEL_RUN runGeneric
#include "learn/network_kernel_pass.inc"

#include <algorithm>

namespace gs::learn::kernel {

int threadsAvailable() {
#ifdef _OPENMP
    return std::max(1, omp_get_num_procs()); // the CPUs of this process's affinity mask
#else
    return 1;
#endif
}

void shareWork(int threads, int n, const std::function<void(int part, int begin, int end)>& work) {
    auto run = [&](int part, int team) {
        constexpr long long floatsPerLine = 16;
        auto edge = [&](int k) { // k/team of the way, rounded to a cache line
            const long long at = static_cast<long long>(n) * k / team;
            return k == team ? n : static_cast<int>(at / floatsPerLine * floatsPerLine);
        };
        const int begin = edge(part), end = edge(part + 1);
        if (begin < end) work(part, begin, end);
    };
#ifdef _OPENMP
    if (const int parts = std::clamp(threads, 1, maxThreads); parts > 1) {
#pragma omp parallel num_threads(parts)
        run(omp_get_thread_num(), omp_get_num_threads());
        return;
    }
#endif
    (void)threads; // without OpenMP: one thread
    run(0, 1);
}

} // namespace gs::learn::kernel
