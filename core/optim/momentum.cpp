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
}

void Momentum::step(const Objective&, Vec& x, const Vec& g) {
    const double lr = param(kLr), mu = param(kMomentum);
    b_ = mu * b_ + g; // b ← μ b + ∇f(x)
    x -= lr * b_;     // x ← x − λ b
}

const Vec& Momentum::state(int i) const {
    if (i == 0) return b_;
    return Optimizer::state(i);
}

} // namespace gs
