#pragma once
// The forward and backward passes of a Network over a whole batch at once, in float or double:
// every layer is one matrix product (W·A over the batch's columns), so the work runs at the speed
// of Eigen's GEMM. Buffers are sized once for the largest batch; a pass allocates nothing.
// The pass itself is compiled for several instruction sets (network_kernel_isa.h); the kernel
// runs the widest one the CPU has unless told which.

#include "learn/network.h"
#include "learn/network_kernel_isa.h"

#include <Eigen/Core>

#include <vector>

namespace gs::learn {

/// Threads worth sharing one pass of `net` over `batch` examples among: about one per 4 million
/// floating-point operations of the pass (below that the barriers would cost more than the
/// split gains), at least 16 units of the widest layer each, at most kernel::threadsAvailable().
int passThreadsFor(const Network& net, int batch);

template <class T> class NetworkKernel {
public:
    using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
    using Vector = Eigen::Matrix<T, Eigen::Dynamic, 1>;

    using Outcome = kernel::Outcome;

    /// `isa` must be supported by the CPU (kernel::supported).
    NetworkKernel(const Network& net, int maxBatch, kernel::Isa isa = kernel::best());
    int maxBatch() const { return maxBatch_; }
    kernel::Isa isa() const { return isa_; }
    /// Threads a run() is shared among (1 at first; clamped to 1 … kernel::maxThreads; a build
    /// without OpenMP runs on one whatever this says). The results agree to float rounding:
    /// a product split by examples may add its terms in another order.
    void setThreads(int threads);
    int threads() const { return threads_; }
    /// Regrows the buffers (allocates) when a batch larger than maxBatch() comes.
    void reserve(int maxBatch);

    /// Cross-entropy of the batch X (inputs × B, B ≤ maxBatch()) with labels y; when `grad` is
    /// not null, also writes the gradient of the mean loss (Σ / B) with respect to `params`.
    Outcome run(const T* params, const Eigen::Ref<const Matrix>& x, const int* y, T* grad);
    /// run() on a batch still to be copied: column j of `x` (written first) is column
    /// columns[j] of `source`; the copy is shared among the threads like the pass.
    Outcome run(const T* params, const Eigen::MatrixXf& source, const int* columns,
                Eigen::Ref<Matrix> x, const int* y, T* grad);
    /// The forward pass alone: the logits (classes × B) of the batch X, valid until the next call.
    /// What a prediction needs (a decision-region grid) without the loss.
    Eigen::Ref<const Matrix> forward(const T* params, const Eigen::Ref<const Matrix>& x);
    /// Predicted class of each example of the last run().
    const Eigen::VectorXi& predictions() const { return predicted_; }

private:
    kernel::Pass<T> pass(const T* params, const T* x, int xStride, int batch, const int* y,
                         T* grad);

    const Network& net_;
    kernel::Isa isa_;
    Outcome (*run_)(const kernel::Pass<T>&);
    std::vector<kernel::Layer> layers_;
    std::vector<T*> actData_, deltaData_; // the buffers' data pointers, as a pass takes them
    int maxBatch_ = 0;
    int threads_ = 1;
    std::vector<Matrix> act_;   // act_[l]: layer l's output (out_l × maxBatch); the last holds
                                // the logits, then the softmax, then ∂J/∂z
    std::vector<Matrix> delta_; // delta_[l]: ∂J/∂z_l for the hidden layers
    Eigen::Matrix<T, 1, Eigen::Dynamic> rowMax_, rowSum_;
    Eigen::VectorXi predicted_;
};

extern template class NetworkKernel<float>;
extern template class NetworkKernel<double>;

} // namespace gs::learn
