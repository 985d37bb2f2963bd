#pragma once

#include "optim/optimizer.h"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

namespace gs {

/// Damped Newton's method with a Levenberg shift: x ← x − η (H + μ I)⁻¹ ∇f(x), H = ∇²f(x).
/// μ = 0 where H is safely positive definite (smallest eigenvalue λ_min ≥ ε). Elsewhere
/// μ = ε + |λ_min| − λ_min, which lifts the smallest curvature to ε + |λ_min|: a negative
/// curvature is mirrored rather than followed, so at a saddle the step goes downhill along the
/// falling direction instead of jumping onto the saddle point as the plain Newton step would.
class Newton final : public Optimizer {
public:
    std::string key() const override { return "newton"; }
    std::string displayName() const override { return "Newton's method"; }
    std::string updateRule() const override {
        return "H ← ∇²f(x),  μ ← 0 if λ_min(H) ≥ ε else ε + |λ_min| − λ_min\n"
               "x ← x − η (H + μ I)⁻¹ ∇f(x)";
    }
    const std::vector<HyperParam>& hyperParams() const override;
    bool usesHessian() const override { return true; }

    void reset(int n) override;
    void step(const Objective& f, Vec& x, const Vec& g) override;

    std::vector<std::string> stateNames() const override {
        return {"Newton step Δx", "Levenberg shift μ"};
    }
    const Vec& state(int i) const override;

private:
    Mat h_;
    Eigen::SelfAdjointEigenSolver<Mat> eigen_;
    Eigen::LLT<Mat> llt_;
    Vec step_, shift_;
};

} // namespace gs
