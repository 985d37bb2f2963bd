#include "optim/momentum.h"

namespace gs {

namespace {
enum { kLr, kMomentum };
}

const std::vector<HyperParam>& Momentum::hyperParams() const {
    static const std::vector<HyperParam> params = {
        {"lr", "learning rate λ", 1e-2, 1e-5, 10.0, true, "Step size along the velocity"},
        {"momentum", "momentum μ", 0.9, 0.0, 0.999, false,
         "Fraction of the previous velocity kept each step (0 is plain gradient descent)"},
    };
    return params;
}

void Momentum::reset(int n) {
    b_.setZero(n);
    floatNewer_ = false;
}

void Momentum::step(const Objective&, Vec& x, const Vec& g) {
    const double lr = param(kLr), mu = param(kMomentum);
    if (floatNewer_) { // continue from the float steps' velocity
        b_ = bFloat_.cast<double>();
        floatNewer_ = false;
    }
    b_ = mu * b_ + g; // b ← μ b + ∇f(x)
    x -= lr * b_;     // x ← x − λ b
}

void Momentum::prepareFloatStep(int) {
    if (!floatNewer_) { // continue from the double steps' velocity (zero after reset)
        bFloat_ = b_.cast<float>();
        floatNewer_ = true;
    }
}

void Momentum::stepFloatRange(float* x, const float* g, int begin, int end) {
    const auto lr = static_cast<float>(param(kLr)), mu = static_cast<float>(param(kMomentum));
    const int n = end - begin;
    auto b = bFloat_.segment(begin, n);
    b = mu * b + Eigen::Map<const Eigen::VectorXf>(g + begin, n); // b ← μ b + ∇f(x)
    Eigen::Map<Eigen::VectorXf>(x + begin, n) -= lr * b;          // x ← x − λ b
}

const Vec& Momentum::state(int i) const {
    if (i == 0) {
        if (floatNewer_) b_ = bFloat_.cast<double>();
        return b_;
    }
    return Optimizer::state(i);
}

} // namespace gs
