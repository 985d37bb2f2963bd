#include "learn/network_kernel.h"

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
typename NetworkKernel<T>::Outcome
NetworkKernel<T>::run(const T* params, const Eigen::Ref<const Matrix>& x, const int* y, T* grad) {
    kernel::Pass<T> p;
    p.layers = layers_.data();
    p.layerCount = static_cast<int>(layers_.size());
    p.relu = net_.spec().activation == Activation::ReLU;
    p.params = params;
    p.x = x.data();
    p.xStride = static_cast<int>(x.outerStride());
    p.batch = static_cast<int>(x.cols());
    p.y = y;
    p.grad = grad;
    p.act = actData_.data();
    p.delta = deltaData_.data();
    p.rowMax = rowMax_.data();
    p.rowSum = rowSum_.data();
    p.predicted = predicted_.data();
    return run_(p);
}

template class NetworkKernel<float>;
template class NetworkKernel<double>;

} // namespace gs::learn
