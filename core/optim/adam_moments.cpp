#include "optim/adam_moments.h"

#include <cmath>

namespace gs {

namespace {
// βᵗ as a running product: std::pow every step would cost more than the rest of the step.
// A β changed between steps (a slider moved mid-run) restarts the product from std::pow.
double nextPower(double power, double& base, double beta, int t) {
    const double next = beta == base ? power * beta : std::pow(beta, t);
    base = beta;
    return next;
}
} // namespace

void AdamMoments::reset(int n) {
    t = 0;
    beta1Power = beta2Power = 1;
    base1_ = base2_ = std::nan("");
    m.setZero(n);
    v.setZero(n);
    mHat.setZero(n);
    vHat.setZero(n);
    effectiveStep.setZero(n);
}

void AdamMoments::update(const Vec& g, double beta1, double beta2, bool biasCorrection) {
    ++t;
    beta1Power = nextPower(beta1Power, base1_, beta1, t);
    beta2Power = nextPower(beta2Power, base2_, beta2, t);
    m = beta1 * m + (1 - beta1) * g; // m ← β₁ m + (1 − β₁) ∇f
    v.array() = beta2 * v.array() + (1 - beta2) * g.array().square(); // v ← β₂ v + (1 − β₂) ∇f²
    const double c1 = biasCorrection ? 1 - beta1Power : 1.0;
    mHat = m / c1; // m̂ ← m / (1 − β₁ᵗ)
    correctSecondMoment(v, biasCorrection);
}

void AdamMoments::correctSecondMoment(const Vec& second, bool biasCorrection) {
    const double c2 = biasCorrection ? 1 - beta2Power : 1.0;
    vHat = second / c2; // v̂ ← v / (1 − β₂ᵗ)
}

void AdamMoments::apply(Vec& x, double lr, double eps) {
    effectiveStep.array() = lr / (vHat.array().sqrt() + eps); // λ / (√v̂ + ε)
    x.array() -= effectiveStep.array() * mHat.array();        // x ← x − λ m̂ / (√v̂ + ε)
}

std::vector<HyperParam> AdamMoments::hyperParams() {
    return {
        {"lr", "learning rate λ", 1e-3, 1e-5, 10.0, true,
         "Step size before per-coordinate scaling"},
        {"beta1", "first-moment decay β₁", 0.9, 0.0, 0.9999, false,
         "How long the running mean of gradients remembers"},
        {"beta2", "second-moment decay β₂", 0.999, 0.0, 0.99999, false,
         "How long the running mean of squared gradients remembers"},
        {"eps", "stability ε", 1e-8, 1e-12, 1.0, true, "Added to √v̂ to avoid dividing by zero"},
        {"bias_correction", "bias correction", 1.0, 0.0, 1.0, false,
         "1 divides m, v by 1 − βᵗ so early steps are not shrunk toward zero; 0 turns it off",
         true},
    };
}

std::vector<std::string> AdamMoments::stateNames() {
    return {"first moment m", "second moment v", "bias-corrected m̂", "bias-corrected v̂",
            "effective step λ / (√v̂ + ε)"};
}

const Vec* AdamMoments::state(int i) const {
    const Vec* all[] = {&m, &v, &mHat, &vHat, &effectiveStep};
    return i >= 0 && i < 5 ? all[i] : nullptr;
}

std::string AdamMoments::momentRule() {
    return "m ← β₁ m + (1 − β₁) ∇f(x)\n"
           "v ← β₂ v + (1 − β₂) ∇f(x) ⊙ ∇f(x)\n"
           "m̂ ← m / (1 − β₁ᵗ),  v̂ ← v / (1 − β₂ᵗ)";
}

} // namespace gs
