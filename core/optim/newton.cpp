#include "optim/newton.h"

#include <cmath>

namespace gs {

namespace {
enum { kLr, kMinCurvature };
}

const std::vector<HyperParam>& Newton::hyperParams() const {
    static const std::vector<HyperParam> params = {
        {"lr", "damping η", 1.0, 1e-3, 2.0, true, "Fraction of the Newton step taken (1 = full)"},
        {"min_curvature", "curvature floor ε", 1e-3, 1e-8, 1e3, true,
         "Below this smallest Hessian eigenvalue a Levenberg shift μ I is added"},
    };
    return params;
}

void Newton::reset(int n) {
    h_.setZero(n, n);
    eigen_ = Eigen::SelfAdjointEigenSolver<Mat>(n);
    llt_ = Eigen::LLT<Mat>(n);
    step_.setZero(n);
    shift_.setZero(n);
}

void Newton::step(const Objective& f, Vec& x, const Vec& g) {
    const double eta = param(kLr), eps = param(kMinCurvature);
    f.hessian(x, h_); // H ← ∇²f(x)
    eigen_.compute(h_, Eigen::EigenvaluesOnly);
    const double lambdaMin = eigen_.eigenvalues()(0); // ascending order
    // μ ← 0 if λ_min ≥ ε, else ε + |λ_min| − λ_min (NaN curvature also takes the shift and
    // yields a NaN step, which the runner reports as divergence)
    const double mu = lambdaMin >= eps ? 0.0 : eps + std::abs(lambdaMin) - lambdaMin;
    h_.diagonal().array() += mu; // H + μ I
    llt_.compute(h_);
    step_ = llt_.solve(g);
    step_ *= -eta; // Δx = −η (H + μ I)⁻¹ ∇f(x)
    x += step_;    // x ← x + Δx
    shift_.setConstant(mu);
}

const Vec& Newton::state(int i) const {
    if (i == 0) return step_;
    if (i == 1) return shift_;
    return Optimizer::state(i);
}

} // namespace gs
