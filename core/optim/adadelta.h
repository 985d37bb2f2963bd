#pragma once

#include "optim/optimizer.h"

namespace gs {

/// Adadelta in torch.optim.Adadelta's form:
/// v ← ρ v + (1 − ρ) ∇f²; Δ ← √(u + ε) / √(v + ε) ⊙ ∇f; u ← ρ u + (1 − ρ) Δ²; x ← x − λ Δ.
class Adadelta final : public Optimizer {
public:
    std::string key() const override { return "adadelta"; }
    std::string displayName() const override { return "Adadelta"; }
    std::string updateRule() const override {
        return "v ← ρ v + (1 − ρ) ∇f(x) ⊙ ∇f(x)\n"
               "Δ ← √(u + ε) / √(v + ε) ⊙ ∇f(x)\n"
               "u ← ρ u + (1 − ρ) Δ ⊙ Δ\n"
               "x ← x − λ Δ";
    }
    const std::vector<HyperParam>& hyperParams() const override;

    void reset(int n) override;
    void step(const Objective& f, Vec& x, const Vec& g) override;

    std::vector<std::string> stateNames() const override {
        return {"mean squared gradient v", "mean squared update u", "update Δ",
                "effective step λ √(u + ε) / √(v + ε)"};
    }
    const Vec& state(int i) const override;

private:
    Vec v_, u_, delta_, effectiveStep_;
};

} // namespace gs
