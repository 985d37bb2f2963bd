#include "learn/dataset.h"

#include <algorithm>
#include <cstdint>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace gs::learn {

void adviseHugePages(Eigen::MatrixXf& m) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = 2u << 20; // x86-64's 2 MiB pages
    const auto begin = reinterpret_cast<std::uintptr_t>(m.data());
    const std::uintptr_t end = begin + static_cast<std::uintptr_t>(m.size()) * sizeof(float);
    const std::uintptr_t first = (begin + huge - 1) & ~(huge - 1), last = end & ~(huge - 1);
    if (last > first) // only whole huge pages inside the matrix; refusal changes nothing
        madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
    (void)m;
#endif
}

std::vector<int> Dataset::classCounts() const {
    std::vector<int> counts(static_cast<std::size_t>(std::max(classes, 0)), 0);
    for (int y : labels)
        ++counts[static_cast<std::size_t>(y)];
    return counts;
}

Dataset Dataset::head(int count) const {
    const int n = std::clamp(count, 0, size());
    Dataset d;
    d.features = features.leftCols(n);
    d.labels = labels.head(n);
    d.classes = classes;
    d.classNames = classNames;
    return d;
}

Dataset Dataset::select(std::span<const int> indices) const {
    Dataset d;
    const auto n = static_cast<Eigen::Index>(indices.size());
    d.features.resize(features.rows(), n);
    d.labels.resize(n);
    for (Eigen::Index j = 0; j < n; ++j) {
        d.features.col(j) = features.col(indices[static_cast<std::size_t>(j)]);
        d.labels[j] = labels[indices[static_cast<std::size_t>(j)]];
    }
    d.classes = classes;
    d.classNames = classNames;
    return d;
}

} // namespace gs::learn
