#include "learn/network_kernel.h"

#include <cmath>

namespace gs::learn {

template <class T> NetworkKernel<T>::NetworkKernel(const Network& net, int maxBatch) : net_(net) {
    reserve(maxBatch);
}

template <class T> void NetworkKernel<T>::reserve(int maxBatch) {
    if (maxBatch <= maxBatch_) return;
    maxBatch_ = maxBatch;
    const int layers = net_.layerCount();
    act_.resize(static_cast<std::size_t>(layers));
    delta_.resize(static_cast<std::size_t>(layers));
    for (int l = 0; l < layers; ++l) {
        act_[static_cast<std::size_t>(l)].resize(net_.layer(l).out, maxBatch);
        if (l + 1 < layers) delta_[static_cast<std::size_t>(l)].resize(net_.layer(l).out, maxBatch);
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
typename NetworkKernel<T>::Outcome
NetworkKernel<T>::run(const T* params, const Eigen::Ref<const Matrix>& x, const int* y, T* grad) {
    const int batch = static_cast<int>(x.cols());
    const int layers = net_.layerCount();
    const bool relu = net_.spec().activation == Activation::ReLU;
    auto input = [&](int l) -> Eigen::Ref<const Matrix> {
        if (l == 0) return x;
        return act_[static_cast<std::size_t>(l - 1)].leftCols(batch);
    };
    forward(params, x);

    // Cross-entropy with a stable log-sum-exp: −log softmax(z)_y = m + log Σ_k e^{z_k − m} − z_y,
    // m = max_k z_k, so no exponential overflows.
    auto z = act_.back().leftCols(batch);
    auto m = rowMax_.head(batch);
    Outcome out;
    double zyMinusM = 0;
    for (int i = 0; i < batch; ++i) {
        Eigen::Index best = 0;
        m[i] = z.col(i).maxCoeff(&best);
        predicted_[i] = static_cast<int>(best);
        out.correct += best == y[i];
        zyMinusM += static_cast<double>(z(y[i], i) - m[i]);
    }
    z.array().rowwise() -= m.array();
    z.array() = z.array().exp();
    auto sum = rowSum_.head(batch);
    sum.noalias() = z.colwise().sum();
    out.lossSum = sum.array().log().template cast<double>().sum() - zyMinusM;
    if (!grad) return out;

    // Backward. Output layer: ∂J/∂z = (softmax(z) − onehot(y)) / B.
    z.array().rowwise() /= sum.array();
    for (int i = 0; i < batch; ++i)
        z(y[i], i) -= T(1);
    z *= T(1) / static_cast<T>(batch);
    for (int l = layers - 1; l >= 0; --l) {
        const LayerSlice& s = net_.layer(l);
        const auto dz =
            (l + 1 == layers ? act_ : delta_)[static_cast<std::size_t>(l)].leftCols(batch);
        Eigen::Map<Matrix> gw(grad + s.weights, s.out, s.in);
        Eigen::Map<Vector> gb(grad + s.bias, s.out);
        gw.noalias() = dz * input(l).transpose(); // ∂J/∂W_l = ∂J/∂z_l a_{l−1}ᵀ
        gb.noalias() = dz.rowwise().sum();        // ∂J/∂b_l = Σ_batch ∂J/∂z_l
        if (l == 0) break;
        // ∂J/∂z_{l−1} = (W_lᵀ ∂J/∂z_l) ⊙ σ'(z_{l−1}), σ' written in terms of a = σ(z).
        const Eigen::Map<const Matrix> w(params + s.weights, s.out, s.in);
        auto below = delta_[static_cast<std::size_t>(l - 1)].leftCols(batch);
        const auto a = act_[static_cast<std::size_t>(l - 1)].leftCols(batch);
        below.noalias() = w.transpose() * dz;
        if (relu)
            below.array() *= (a.array() > T(0)).template cast<T>(); // ReLU' = [a > 0]
        else
            below.array() *= T(1) - a.array().square(); // tanh' = 1 − a²
    }
    return out;
}

template class NetworkKernel<float>;
template class NetworkKernel<double>;

} // namespace gs::learn
