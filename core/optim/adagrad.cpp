#include "optim/adagrad.h"

namespace gs {

namespace {
enum { kLr, kEps };
}

const std::vector<HyperParam>& AdaGrad::hyperParams() const {
    static const std::vector<HyperParam> params = {
        {"lr", "learning rate λ", 1e-2, 1e-5, 10.0, true,
         "Step size before per-coordinate scaling"},
        {"eps", "stability δ", 1e-10, 1e-12, 1.0, true,
         "Added to √r so the first steps do not divide by zero"},
    };
    return params;
}

void AdaGrad::reset(int n) {
    r_.setZero(n);
    effectiveStep_.setZero(n);
}

void AdaGrad::step(const Objective&, Vec& x, const Vec& g) {
    const double lr = param(kLr), delta = param(kEps);
    r_.array() += g.array().square();                          // r ← r + ∇f ⊙ ∇f
    effectiveStep_.array() = lr / (delta + r_.array().sqrt()); // λ / (δ + √r)
    x.array() -= effectiveStep_.array() * g.array(); // x ← x − λ/(δ + √r) ⊙ ∇f
}

const Vec& AdaGrad::state(int i) const {
    if (i == 0) return r_;
    if (i == 1) return effectiveStep_;
    return Optimizer::state(i);
}

} // namespace gs
