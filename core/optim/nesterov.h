#pragma once

#include "optim/optimizer.h"

namespace gs {

/// Nesterov momentum in PyTorch's SGD form (dampening 0):
/// b ← μ b + ∇f(x); x ← x − λ (∇f(x) + μ b).
class Nesterov final : public Optimizer {
public:
    std::string key() const override { return "nesterov"; }
    std::string displayName() const override { return "Nesterov momentum"; }
    std::string updateRule() const override { return "b ← μ b + ∇f(x)\nx ← x − λ (∇f(x) + μ b)"; }
    const std::vector<HyperParam>& hyperParams() const override;

    void reset(int n) override;
    void step(const Objective& f, Vec& x, const Vec& g) override;

    std::vector<std::string> stateNames() const override { return {"velocity b"}; }
    const Vec& state(int i) const override;

private:
    Vec b_;
};

} // namespace gs
