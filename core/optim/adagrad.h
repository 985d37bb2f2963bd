#pragma once

#include "optim/optimizer.h"

namespace gs {

/// AdaGrad in the article's form (the same as torch.optim.Adagrad without decay):
/// r ← r + ∇f ⊙ ∇f; x ← x − λ / (δ + √r) ⊙ ∇f.
class AdaGrad final : public Optimizer {
public:
    std::string key() const override { return "adagrad"; }
    std::string displayName() const override { return "AdaGrad"; }
    std::string updateRule() const override {
        return "r ← r + ∇f(x) ⊙ ∇f(x)\nx ← x − λ / (δ + √r) ⊙ ∇f(x)";
    }
    const std::vector<HyperParam>& hyperParams() const override;

    void reset(int n) override;
    void step(const Objective& f, Vec& x, const Vec& g) override;

    std::vector<std::string> stateNames() const override {
        return {"accumulated squared gradient r", "effective step λ / (δ + √r)"};
    }
    const Vec& state(int i) const override;

private:
    Vec r_, effectiveStep_;
};

} // namespace gs
