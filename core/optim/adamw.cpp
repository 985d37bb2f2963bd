#include "optim/adamw.h"

namespace gs {

namespace {
enum { kLr, kBeta1, kBeta2, kEps, kBiasCorrection, kWeightDecay };
}

std::string AdamW::updateRule() const {
    return "x ← x − λ w x\n" + AdamMoments::momentRule() + "\nx ← x − λ m̂ / (√v̂ + ε)";
}

const std::vector<HyperParam>& AdamW::hyperParams() const {
    static const std::vector<HyperParam> params = [] {
        std::vector<HyperParam> p = AdamMoments::hyperParams();
        p.push_back({"weight_decay", "weight decay w", 1e-2, 0.0, 1.0, false,
                     "Shrinks x toward 0 by λ w x each step, outside the adaptive scaling"});
        return p;
    }();
    return params;
}

void AdamW::step(const Objective&, Vec& x, const Vec& g) {
    const double lr = param(kLr);
    x *= 1 - lr * param(kWeightDecay); // x ← x − λ w x (decoupled: not part of ∇f)
    moments_.update(g, param(kBeta1), param(kBeta2), param(kBiasCorrection) != 0);
    moments_.apply(x, lr, param(kEps)); // x ← x − λ m̂ / (√v̂ + ε)
}

std::vector<std::string> AdamW::stateNames() const {
    return AdamMoments::stateNames();
}

const Vec& AdamW::state(int i) const {
    if (const Vec* s = moments_.state(i)) return *s;
    return Optimizer::state(i);
}

} // namespace gs
