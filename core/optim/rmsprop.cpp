#include "optim/rmsprop.h"

namespace gs {

namespace {
enum { kLr, kAlpha, kEps };
}

const std::vector<HyperParam>& RMSProp::hyperParams() const {
    static const std::vector<HyperParam> params = {
        {"lr", "learning rate λ", 1e-2, 1e-5, 10.0, true,
         "Step size before per-coordinate scaling"},
        {"alpha", "smoothing α", 0.99, 0.0, 0.9999, false,
         "Decay of the running mean of squared gradients"},
        {"eps", "stability ε", 1e-8, 1e-12, 1.0, true, "Added to √v to avoid dividing by zero"},
    };
    return params;
}

void RMSProp::reset(int n) {
    v_.setZero(n);
    effectiveStep_.setZero(n);
}

void RMSProp::step(const Objective&, Vec& x, const Vec& g) {
    const double lr = param(kLr), alpha = param(kAlpha), eps = param(kEps);
    v_.array() = alpha * v_.array() + (1 - alpha) * g.array().square(); // v ← α v + (1 − α) ∇f²
    effectiveStep_.array() = lr / (v_.array().sqrt() + eps);            // λ / (√v + ε)
    x.array() -= effectiveStep_.array() * g.array(); // x ← x − λ/(√v + ε) ⊙ ∇f
}

const Vec& RMSProp::state(int i) const {
    if (i == 0) return v_;
    if (i == 1) return effectiveStep_;
    return Optimizer::state(i);
}

} // namespace gs
