#pragma once

#include "optim/optimizer.h"

namespace gs {

/// Heavy-ball momentum in PyTorch's SGD form (dampening 0): b ← μ b + ∇f(x); x ← x − λ b.
class Momentum final : public Optimizer {
public:
    std::string key() const override { return "momentum"; }
    std::string displayName() const override { return "Momentum"; }
    std::string updateRule() const override { return "b ← μ b + ∇f(x)\nx ← x − λ b"; }
    const std::vector<HyperParam>& hyperParams() const override;

    void reset(int n) override;
    void step(const Objective& f, Vec& x, const Vec& g) override;
    bool hasFloatStep() const override { return true; }
    /// Keeps its velocity in float32; state(0) converts it when asked (so, after float steps,
    /// the vector state() returned is refreshed by the next state() call, not by the step).
    void stepFloatRange(float* x, const float* g, int begin, int end) override;

    std::vector<std::string> stateNames() const override { return {"velocity b"}; }
    const Vec& state(int i) const override;

protected:
    void prepareFloatStep(int n) override;

private:
    mutable Vec b_;
    Eigen::VectorXf bFloat_;  // the velocity while float steps run
    bool floatNewer_ = false; // bFloat_, not b_, holds the last step's velocity
};

} // namespace gs
