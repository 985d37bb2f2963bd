#pragma once

#include "optim/adam_moments.h"
#include "optim/optimizer.h"

namespace gs {

/// Adam in torch.optim.Adam's form, with bias correction as a switch:
/// m ← β₁ m + (1 − β₁) ∇f; v ← β₂ v + (1 − β₂) ∇f²; m̂ = m / (1 − β₁ᵗ); v̂ = v / (1 − β₂ᵗ);
/// x ← x − λ m̂ / (√v̂ + ε).
class Adam final : public Optimizer {
public:
    std::string key() const override { return "adam"; }
    std::string displayName() const override { return "Adam"; }
    std::string updateRule() const override;
    const std::vector<HyperParam>& hyperParams() const override;

    void reset(int n) override { moments_.reset(n); }
    void step(const Objective& f, Vec& x, const Vec& g) override;

    std::vector<std::string> stateNames() const override;
    const Vec& state(int i) const override;

private:
    AdamMoments moments_;
};

} // namespace gs
