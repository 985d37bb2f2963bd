#pragma once
// A network and a batch of a data set, seen as an Objective of the flat parameter vector:
// value = mean cross-entropy over the batch, gradient by backpropagation. This is what lets the
// optimizers of core/optim, written for f: ℝⁿ → ℝ, train a model.
//
// Not thread-safe: value() and valueAndGradient() reuse internal buffers (that is what keeps a
// training step free of allocation), so give each thread its own objective.

#include "learn/dataset.h"
#include "learn/network.h"
#include "objective/objective.h"

#include <memory>
#include <span>

namespace gs::learn {

class CrossEntropyObjective final : public Objective {
public:
    /// `net` and `data` must outlive the objective. Buffers are sized for `maxBatch` examples;
    /// a larger batch later regrows them once. The batch starts as the whole data set when that
    /// fits in maxBatch, else empty (0 loss, 0 gradient) until setBatch() or setRange().
    CrossEntropyObjective(const Network& net, const Dataset& data, int maxBatch = 256);
    ~CrossEntropyObjective() override;

    int dimension() const override;
    double value(const Vec& params) const override;
    double valueAndGradient(const Vec& params, Vec& grad) const override;
    /// valueAndGradient() with float32 parameters and gradient (grad resized), for a trainer
    /// that keeps its parameters in float32: a Float32 network then runs with no conversion.
    double valueAndGradient(const Eigen::VectorXf& params, Eigen::VectorXf& grad) const;

    /// Selects the examples the next evaluations average over (copied into a batch buffer).
    void setBatch(std::span<const int> indices);
    /// Asks the CPU to start loading these examples' features into its caches, to be selected by
    /// a later setBatch(): the examples of a shuffled batch lie all over a data set of hundreds
    /// of megabytes, so copying them waits on memory unless the loads overlap other work.
    void prefetch(std::span<const int> indices) const;
    /// Selects examples first … first + count − 1.
    void setRange(int first, int count);
    int batchSize() const;
    /// Threads each evaluation is shared among (1 at first; see NetworkKernel::setThreads).
    void setThreads(int threads);
    int threads() const;

    /// Of the last evaluation: examples classified right, and each one's predicted class.
    int correct() const;
    std::span<const int> predictions() const;

    const Network& network() const { return net_; }
    const Dataset& data() const { return data_; }

    class Engine; // float or double arithmetic, chosen by the network's precision

private:
    const Network& net_;
    const Dataset& data_;
    std::unique_ptr<Engine> engine_;
};

} // namespace gs::learn
