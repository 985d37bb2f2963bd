#include "optim/amsgrad.h"

namespace gs {

namespace {
enum { kLr, kBeta1, kBeta2, kEps, kBiasCorrection };
}

std::string AMSGrad::updateRule() const {
    return "m ← β₁ m + (1 − β₁) ∇f(x)\n"
           "v ← β₂ v + (1 − β₂) ∇f(x) ⊙ ∇f(x)\n"
           "v_max ← max(v_max, v)\n"
           "m̂ ← m / (1 − β₁ᵗ),  v̂ ← v_max / (1 − β₂ᵗ)\n"
           "x ← x − λ m̂ / (√v̂ + ε)";
}

const std::vector<HyperParam>& AMSGrad::hyperParams() const {
    static const std::vector<HyperParam> params = AdamMoments::hyperParams();
    return params;
}

void AMSGrad::reset(int n) {
    moments_.reset(n);
    vMax_.setZero(n);
}

void AMSGrad::step(const Objective&, Vec& x, const Vec& g) {
    const bool biasCorrection = param(kBiasCorrection) != 0;
    moments_.update(g, param(kBeta1), param(kBeta2), biasCorrection); // m, v, m̂ (v̂ replaced below)
    vMax_ = vMax_.cwiseMax(moments_.v);                               // v_max ← max(v_max, v)
    moments_.correctSecondMoment(vMax_, biasCorrection); // v̂ ← v_max / (1 − β₂ᵗ)
    moments_.apply(x, param(kLr), param(kEps));          // x ← x − λ m̂ / (√v̂ + ε)
}

std::vector<std::string> AMSGrad::stateNames() const {
    std::vector<std::string> names = AdamMoments::stateNames();
    names.push_back("running maximum v_max");
    return names;
}

const Vec& AMSGrad::state(int i) const {
    if (const Vec* s = moments_.state(i)) return *s;
    if (i == 5) return vMax_;
    return Optimizer::state(i);
}

} // namespace gs
