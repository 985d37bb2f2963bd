#pragma once

#include "optim/optimizer.h"

namespace gs {

/// Plain gradient descent: x ← x − λ ∇f(x). Ascent is descent on the negated objective.
class GradientDescent final : public Optimizer {
public:
    std::string key() const override { return "gd"; }
    std::string displayName() const override { return "Gradient descent"; }
    std::string updateRule() const override { return "x ← x − λ ∇f(x)"; }
    const std::vector<HyperParam>& hyperParams() const override;

    void reset(int) override {}
    void step(const Objective& f, Vec& x, const Vec& g) override;
    bool hasFloatStep() const override { return true; }
    void stepFloatRange(float* x, const float* g, int begin, int end) override;
};

} // namespace gs
