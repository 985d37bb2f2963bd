#include "optim/adadelta.h"

namespace gs {

namespace {
enum { kLr, kRho, kEps };
}

const std::vector<HyperParam>& Adadelta::hyperParams() const {
    static const std::vector<HyperParam> params = {
        {"lr", "learning rate λ", 1.0, 1e-4, 10.0, true, "Scale applied to the update Δ"},
        {"rho", "smoothing ρ", 0.9, 0.0, 0.9999, false,
         "Decay of the running means of squared gradients and squared updates"},
        {"eps", "stability ε", 1e-6, 1e-12, 1.0, true,
         "Added under both square roots; also sets the size of the first steps"},
    };
    return params;
}

void Adadelta::reset(int n) {
    v_.setZero(n);
    u_.setZero(n);
    delta_.setZero(n);
    effectiveStep_.setZero(n);
}

void Adadelta::step(const Objective&, Vec& x, const Vec& g) {
    const double lr = param(kLr), rho = param(kRho), eps = param(kEps);
    v_.array() = rho * v_.array() + (1 - rho) * g.array().square(); // v ← ρ v + (1 − ρ) ∇f²
    effectiveStep_.array() = (u_.array() + eps).sqrt() / (v_.array() + eps).sqrt(); // u: old
    delta_.array() = effectiveStep_.array() * g.array(); // Δ ← √(u + ε) / √(v + ε) ⊙ ∇f
    effectiveStep_ *= lr;                                // λ √(u + ε) / √(v + ε)
    u_.array() = rho * u_.array() + (1 - rho) * delta_.array().square(); // u ← ρ u + (1 − ρ) Δ²
    x -= lr * delta_;                                                    // x ← x − λ Δ
}

const Vec& Adadelta::state(int i) const {
    switch (i) {
    case 0:
        return v_;
    case 1:
        return u_;
    case 2:
        return delta_;
    case 3:
        return effectiveStep_;
    default:
        return Optimizer::state(i);
    }
}

} // namespace gs
