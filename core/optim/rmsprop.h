#pragma once

#include "optim/optimizer.h"

namespace gs {

/// RMSProp in torch.optim.RMSprop's form (not centered, no momentum):
/// v ← α v + (1 − α) ∇f ⊙ ∇f; x ← x − λ ∇f / (√v + ε).
class RMSProp final : public Optimizer {
public:
    std::string key() const override { return "rmsprop"; }
    std::string displayName() const override { return "RMSProp"; }
    std::string updateRule() const override {
        return "v ← α v + (1 − α) ∇f(x) ⊙ ∇f(x)\nx ← x − λ / (√v + ε) ⊙ ∇f(x)";
    }
    const std::vector<HyperParam>& hyperParams() const override;

    void reset(int n) override;
    void step(const Objective& f, Vec& x, const Vec& g) override;

    std::vector<std::string> stateNames() const override {
        return {"mean squared gradient v", "effective step λ / (√v + ε)"};
    }
    const Vec& state(int i) const override;

private:
    Vec v_, effectiveStep_;
};

} // namespace gs
