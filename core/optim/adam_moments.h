#pragma once
// The moment estimates shared by Adam, AdamW and AMSGrad, so the three differ only in what is
// written in their own step().

#include "optim/optimizer.h"

namespace gs {

/// First and second moments of the gradient with optional bias correction, and the step size
/// each coordinate ends up with. All vectors are sized by reset(n); update() does not allocate.
class AdamMoments {
public:
    int t = 0;                             ///< steps taken, for the bias correction 1 − βᵗ
    double beta1Power = 1, beta2Power = 1; ///< β₁ᵗ, β₂ᵗ
    Vec m, v;                              ///< running means of ∇f and ∇f ⊙ ∇f
    Vec mHat, vHat;    ///< bias-corrected m̂, v̂ (equal to m, v when correction is off)
    Vec effectiveStep; ///< λ / (√v̂ + ε) per coordinate

    void reset(int n);
    /// t ← t + 1; m ← β₁ m + (1 − β₁) ∇f; v ← β₂ v + (1 − β₂) ∇f ⊙ ∇f; then m̂, v̂ from m, v.
    void update(const Vec& g, double beta1, double beta2, bool biasCorrection);
    /// v̂ from a second-moment vector other than v (AMSGrad's running maximum).
    void correctSecondMoment(const Vec& second, bool biasCorrection);
    /// effectiveStep ← λ / (√v̂ + ε); x ← x − effectiveStep ⊙ m̂.
    void apply(Vec& x, double lr, double eps);

    /// lr, beta1, beta2, eps, bias_correction with torch.optim.Adam's defaults, in that order.
    static std::vector<HyperParam> hyperParams();
    /// Names of m, v, m̂, v̂ and the effective step, in state() order.
    static std::vector<std::string> stateNames();
    /// State vector i in stateNames() order, or nullptr past the end.
    const Vec* state(int i) const;
    /// "m ← β₁ m + (1 − β₁) ∇f(x)" and the other moment lines, one per line.
    static std::string momentRule();

private:
    double base1_ = 0, base2_ = 0; // the β₁, β₂ that beta1Power, beta2Power are powers of
};

} // namespace gs
