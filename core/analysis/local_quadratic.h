#pragma once
// The second-order picture of f of two variables near a point p: the quadratic model
//     m(q) = f(p) + ∇f·(q − p) + ½ (q − p)ᵀ H (q − p),
// the eigen-decomposition H = λ₁ e₁e₁ᵀ + λ₂ e₂e₂ᵀ that says how f curves along each axis, and the
// two steps it explains: gradient descent's −λ∇f and Newton's −H⁻¹∇f, which divides each
// eigen-component of −∇f by its curvature (uᵢ = −(eᵢ·∇f)/λᵢ) and so jumps to the model's
// stationary point.

#include "field/isolines.h"
#include "objective/objective.h"

#include <Eigen/Core>

#include <optional>
#include <string>
#include <vector>

namespace gs {

/// What the curvatures say about the model's stationary point.
enum class CurvatureKind {
    MinimumLike, ///< both eigenvalues > 0: the model is a bowl
    MaximumLike, ///< both < 0: an upside-down bowl
    Saddle,      ///< one of each sign
    Degenerate,  ///< an eigenvalue is zero (to rounding): no curvature along its axis
};

/// "minimum-like", "maximum-like", "saddle", "degenerate".
const char* curvatureKindName(CurvatureKind kind);

struct LocalQuadraticSettings {
    /// λ of the gradient step −λ∇f; 0 means 1/|λ₁|, the largest curvature's own scale (with it
    /// the gradient step matches Newton's along e₁ and falls short along e₂ by λ₂/λ₁).
    double learningRate = 0.0;
    /// |λ₂| ≤ singularTolerance · |λ₁| counts as zero: H is singular to rounding.
    double singularTolerance = 1e-12;

    /// Message naming the first bad field, or nothing when all are valid.
    std::optional<std::string> validate() const;
};

struct LocalQuadratic {
    std::string error; ///< why there is no analysis (bad settings, not 2D, not finite); else empty
    Eigen::Vector2d point = Eigen::Vector2d::Zero();
    double value = 0.0;
    Eigen::Vector2d gradient = Eigen::Vector2d::Zero();
    Eigen::Matrix2d hessian = Eigen::Matrix2d::Zero();
    bool exactHessian = false; ///< false: H is a finite-difference estimate
    /// Sorted by |λ|, largest first (λ₁ is the stronger curvature); eigenvectors are the columns
    /// of `eigenvectors`, unit length.
    Eigen::Vector2d eigenvalues = Eigen::Vector2d::Zero();
    Eigen::Matrix2d eigenvectors = Eigen::Matrix2d::Identity();
    CurvatureKind kind = CurvatureKind::Degenerate;
    /// κ = |λ₁| / |λ₂| (≥ 1), infinite when λ₂ is zero.
    double condition = 0.0;
    /// −H⁻¹∇f, or nothing when H is singular; then `newtonReason` says why.
    std::optional<Eigen::Vector2d> newtonStep;
    std::string newtonReason;
    double learningRate = 0.0; ///< the λ of gradientStep (resolved when the setting is 0)
    Eigen::Vector2d gradientStep = Eigen::Vector2d::Zero(); ///< −λ∇f
    /// One sentence: why the two steps differ here (or why they agree, or why one is missing).
    std::string explanation;

    bool ok() const { return error.empty(); }
    Eigen::Vector2d eigenvector(int i) const { return eigenvectors.col(i); }
    /// m(q), the quadratic model around `point`.
    double model(const Eigen::Vector2d& q) const;
    /// The model's stationary point p + Newton step, when H is invertible.
    std::optional<Eigen::Vector2d> center() const;
};

/// The quadratic model of `f` at `p` (f of dimension 2; H from f.hessian(), exact for catalog and
/// typed functions).
LocalQuadratic analyzeLocalQuadratic(const Objective& f, const Vec& p,
                                     const LocalQuadraticSettings& settings = {});

/// Level curves {q : m(q) = level} within `radius` of the point, one Isoline per level in the
/// given order, sampled analytically in eigen-coordinates (ellipses for a definite H, hyperbolas
/// at a saddle, parabolas or line pairs when H is singular) and cut exactly at the circle, so
/// every vertex satisfies m(q) = level to rounding.
std::vector<Isoline> modelLevelCurves(const LocalQuadratic& q, const std::vector<double>& levels,
                                      double radius);

/// About `count` ≥ 1 levels of the model whose curves cross the disc of `radius` around the point,
/// one of them f(p) (the curve through the point itself). In a bowl or under a cap they are
/// spaced so the ellipses nest evenly (m* ± s² for evenly spaced s); elsewhere evenly in value.
std::vector<double> modelLevelsNear(const LocalQuadratic& q, double radius, int count);

} // namespace gs
