#pragma once

#include "optim/adam_moments.h"
#include "optim/optimizer.h"

namespace gs {

/// AMSGrad in torch.optim.Adam(amsgrad=True)'s form: Adam whose second moment never shrinks,
/// v_max ← max(v_max, v); v̂ = v_max / (1 − β₂ᵗ); x ← x − λ m̂ / (√v̂ + ε).
class AMSGrad final : public Optimizer {
public:
    std::string key() const override { return "amsgrad"; }
    std::string displayName() const override { return "AMSGrad"; }
    std::string updateRule() const override;
    const std::vector<HyperParam>& hyperParams() const override;

    void reset(int n) override;
    void step(const Objective& f, Vec& x, const Vec& g) override;

    std::vector<std::string> stateNames() const override;
    const Vec& state(int i) const override;

private:
    AdamMoments moments_;
    Vec vMax_;
};

} // namespace gs
