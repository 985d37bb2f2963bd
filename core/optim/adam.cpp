#include "optim/adam.h"

namespace gs {

namespace {
enum { kLr, kBeta1, kBeta2, kEps, kBiasCorrection };
}

std::string Adam::updateRule() const {
    return AdamMoments::momentRule() + "\nx ← x − λ m̂ / (√v̂ + ε)";
}

const std::vector<HyperParam>& Adam::hyperParams() const {
    static const std::vector<HyperParam> params = AdamMoments::hyperParams();
    return params;
}

void Adam::step(const Objective&, Vec& x, const Vec& g) {
    moments_.update(g, param(kBeta1), param(kBeta2), param(kBiasCorrection) != 0); // m, v, m̂, v̂
    moments_.apply(x, param(kLr), param(kEps)); // x ← x − λ m̂ / (√v̂ + ε)
}

std::vector<std::string> Adam::stateNames() const {
    return AdamMoments::stateNames();
}

const Vec& Adam::state(int i) const {
    if (const Vec* s = moments_.state(i)) return *s;
    return Optimizer::state(i);
}

} // namespace gs
