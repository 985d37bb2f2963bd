#pragma once
// Mini-batches for stochastic gradient descent. Each epoch visits every example exactly once, in
// batches of `batchSize` (the last one smaller when the size does not divide N):
//  - Shuffled: a fresh random permutation each epoch — an unbiased gradient estimate;
//  - ClassSorted: all of class 0, then class 1, … (shuffled within a class) — each batch sees one
//    or two classes, so its gradient is far from the full one: the biased estimate.

#include <Eigen/Core>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "learn/random.h"

namespace gs::learn {

enum class BatchOrder { Shuffled, ClassSorted };

class BatchSampler {
public:
    /// batchSize is clamped to [1, N]. The first epoch starts on the first next().
    BatchSampler(const Eigen::VectorXi& labels, int batchSize, BatchOrder order,
                 std::uint64_t seed);

    int batchSize() const { return batchSize_; }
    int batchesPerEpoch() const;
    /// Epochs begun so far (0 before the first batch).
    int epoch() const { return epoch_; }
    /// True when the last batch returned was the last of its epoch.
    bool epochDone() const { return next_ >= static_cast<int>(order_.size()); }

    /// The next batch's example indices; starts a new epoch (reshuffling) when the last ended.
    /// The span stays valid until the next call.
    std::span<const int> next();
    /// The batch next() will return, when it is in the current epoch; empty at an epoch's end
    /// (the next order is not drawn yet). Valid until the next call to next().
    std::span<const int> peek() const;

private:
    void startEpoch();

    const Eigen::VectorXi& labels_;
    int batchSize_;
    BatchOrder mode_;
    Rng rng_;
    std::vector<int> order_;
    int next_ = 0;
    int epoch_ = 0;
};

} // namespace gs::learn
