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

namespace {
// Smallest eigenvalue of a symmetric matrix; closed form in 1D and 2D, where most pictures live.
double smallestEigenvalue(const Mat& h, Eigen::SelfAdjointEigenSolver<Mat>& solver) {
    if (h.rows() == 1) return h(0, 0);
    if (h.rows() == 2) // (a + d)/2 − √(((a − d)/2)² + b²)
        return 0.5 * (h(0, 0) + h(1, 1)) - std::hypot(0.5 * (h(0, 0) - h(1, 1)), h(0, 1));
    solver.compute(h, Eigen::EigenvaluesOnly);
    return solver.eigenvalues()(0); // ascending order
}
} // namespace

void Newton::reset(int n) {
    h_.setZero(n, n);
    // Factorizing the identity sizes the solvers' storage now, so step() never allocates.
    // (Assigning freshly constructed solvers instead trips GCC's maybe-uninitialized warning inside
    // Eigen.)
    eigen_.compute(Mat::Identity(n, n), Eigen::EigenvaluesOnly);
    llt_.compute(Mat::Identity(n, n));
    step_.setZero(n);
    shift_.setZero(n);
}

void Newton::step(const Objective& f, Vec& x, const Vec& g) {
    const double eta = param(kLr), eps = param(kMinCurvature);
    f.hessian(x, h_); // H ← ∇²f(x)
    const double lambdaMin = smallestEigenvalue(h_, eigen_);
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
