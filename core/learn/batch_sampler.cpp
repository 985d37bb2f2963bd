#include "learn/batch_sampler.h"

#include <algorithm>
#include <numeric>

namespace gs::learn {

BatchSampler::BatchSampler(const Eigen::VectorXi& labels, int batchSize, BatchOrder order,
                           std::uint64_t seed)
    : labels_(labels),
      batchSize_(std::clamp(batchSize, 1, std::max(1, static_cast<int>(labels.size())))),
      mode_(order), rng_(seed), order_(static_cast<std::size_t>(labels.size())) {
    std::iota(order_.begin(), order_.end(), 0);
    next_ = static_cast<int>(order_.size()); // so the first next() starts epoch 1
}

int BatchSampler::batchesPerEpoch() const {
    return (static_cast<int>(order_.size()) + batchSize_ - 1) / batchSize_;
}

void BatchSampler::startEpoch() {
    rng_.shuffle(order_);
    if (mode_ == BatchOrder::ClassSorted)
        std::stable_sort(order_.begin(), order_.end(),
                         [&](int a, int b) { return labels_[a] < labels_[b]; });
    next_ = 0;
    ++epoch_;
}

std::span<const int> BatchSampler::next() {
    if (order_.empty()) return {};
    if (epochDone()) startEpoch();
    const int count = std::min(batchSize_, static_cast<int>(order_.size()) - next_);
    const std::span<const int> batch(order_.data() + next_, static_cast<std::size_t>(count));
    next_ += count;
    return batch;
}

std::span<const int> BatchSampler::peek() const {
    if (epochDone()) return {};
    const int count = std::min(batchSize_, static_cast<int>(order_.size()) - next_);
    return {order_.data() + next_, static_cast<std::size_t>(count)};
}

} // namespace gs::learn
