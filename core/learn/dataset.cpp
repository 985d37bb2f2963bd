#include "learn/dataset.h"

#include <algorithm>

namespace gs::learn {

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
