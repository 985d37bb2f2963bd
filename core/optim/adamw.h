#pragma once

#include "optim/adam_moments.h"
#include "optim/optimizer.h"

namespace gs {

/// AdamW in torch.optim.AdamW's form: decoupled weight decay x ← x − λ w x, then Adam's step
/// x ← x − λ m̂ / (√v̂ + ε). The decay never enters the moments.
class AdamW final : public Optimizer {
public:
    std::string key() const override { return "adamw"; }
    std::string displayName() const override { return "AdamW"; }
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
