#include "learn/network_kernel.h"

#include <algorithm>

namespace gs::learn {

template <class T>
NetworkKernel<T>::NetworkKernel(const Network& net, int maxBatch, kernel::Isa isa)
    : net_(net), isa_(isa), run_(kernel::runner<T>(isa)) {
    for (int l = 0; l < net.layerCount(); ++l) {
        const LayerSlice& s = net.layer(l);
        layers_.push_back({s.in, s.out, s.weights, s.bias});
    }
    reserve(maxBatch);
}

template <class T> void NetworkKernel<T>::setThreads(int threads) {
    threads_ = std::clamp(threads, 1, kernel::maxThreads);
}

int passThreadsFor(const Network& net, int batch) {
    int widest = 0;
    for (int l = 0; l < net.layerCount(); ++l)
        widest = std::max(widest, net.layer(l).out);
    const double flops = 6.0 * static_cast<double>(net.forwardMultiplyAdds()) * batch;
    const int byWork = static_cast<int>(flops / 4e6);
    return std::clamp(std::min(byWork, widest / 16), 1, kernel::threadsAvailable());
}

template <class T> void NetworkKernel<T>::reserve(int maxBatch) {
    if (maxBatch <= maxBatch_) return;
    maxBatch_ = maxBatch;
    const auto layers = static_cast<std::size_t>(net_.layerCount());
    act_.resize(layers);
    delta_.resize(layers);
    actData_.assign(layers, nullptr);
    deltaData_.assign(layers, nullptr);
    for (std::size_t l = 0; l < layers; ++l) {
        act_[l].resize(layers_[l].out, maxBatch);
        actData_[l] = act_[l].data();
        if (l + 1 < layers) {
            delta_[l].resize(layers_[l].out, maxBatch);
            deltaData_[l] = delta_[l].data();
        }
    }
    rowMax_.resize(maxBatch);
    rowSum_.resize(maxBatch);
    predicted_.resize(maxBatch);
}

template <class T>
Eigen::Ref<const typename NetworkKernel<T>::Matrix>
NetworkKernel<T>::forward(const T* params, const Eigen::Ref<const Matrix>& x) {
    using ConstMap = Eigen::Map<const Matrix>;
    using ConstVecMap = Eigen::Map<const Vector>;
    const int batch = static_cast<int>(x.cols());
    const int layers = net_.layerCount();
    const bool relu = net_.spec().activation == Activation::ReLU;
    // Forward: z_l = W_l a_{l−1} + b_l; a_l = σ(z_l) on hidden layers.
    for (int l = 0; l < layers; ++l) {
        const LayerSlice& s = net_.layer(l);
        const ConstMap w(params + s.weights, s.out, s.in);
        const ConstVecMap b(params + s.bias, s.out);
        auto z = act_[static_cast<std::size_t>(l)].leftCols(batch);
        if (l == 0)
            z.noalias() = w * x;
        else
            z.noalias() = w * act_[static_cast<std::size_t>(l - 1)].leftCols(batch);
        z.colwise() += b;
        if (l + 1 == layers) break;
        if (relu)
            z.array() = z.array().max(T(0));
        else
            z.array() = z.array().tanh();
    }
    return act_.back().leftCols(batch);
}

template <class T>
kernel::Pass<T> NetworkKernel<T>::pass(const T* params, const T* x, int xStride, int batch,
                                       const int* y, T* grad) {
    kernel::Pass<T> p;
    p.layers = layers_.data();
    p.layerCount = static_cast<int>(layers_.size());
    p.relu = net_.spec().activation == Activation::ReLU;
    p.params = params;
    p.x = x;
    p.xStride = xStride;
    p.batch = batch;
    p.y = y;
    p.grad = grad;
    p.act = actData_.data();
    p.delta = deltaData_.data();
    p.rowMax = rowMax_.data();
    p.rowSum = rowSum_.data();
    p.predicted = predicted_.data();
    p.threads = threads_;
    return p;
}

template <class T>
typename NetworkKernel<T>::Outcome
NetworkKernel<T>::run(const T* params, const Eigen::Ref<const Matrix>& x, const int* y, T* grad) {
    return run_(pass(params, x.data(), static_cast<int>(x.outerStride()),
                     static_cast<int>(x.cols()), y, grad));
}

template <class T>
typename NetworkKernel<T>::Outcome
NetworkKernel<T>::run(const T* params, const Eigen::MatrixXf& source, const int* columns,
                      Eigen::Ref<Matrix> x, const int* y, T* grad) {
    kernel::Pass<T> p = pass(params, x.data(), static_cast<int>(x.outerStride()),
                             static_cast<int>(x.cols()), y, grad);
    p.gatherColumns = columns;
    p.gatherFrom = source.data();
    p.gatherStride = static_cast<int>(source.outerStride());
    p.gatherInto = x.data();
    return run_(p);
}

template class NetworkKernel<float>;
template class NetworkKernel<double>;

} // namespace gs::learn
