#include "analysis/local_quadratic.h"

#include <Eigen/Eigenvalues>

#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

namespace gs {

namespace {

// Three significant digits; whole numbers from 1,000 up with thousands separators ("2,500").
std::string number(double v) {
    char buf[64];
    if (std::isinf(v)) return v > 0 ? "∞" : "−∞";
    const double a = std::abs(v);
    if (a >= 1000 && a < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f", a);
        std::string digits(buf), grouped;
        for (size_t i = 0; i < digits.size(); ++i) {
            if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
            grouped += digits[i];
        }
        return (v < 0 ? "−" : "") + grouped;
    }
    std::snprintf(buf, sizeof buf, "%.3g", a);
    return (v < 0 ? "−" : "") + std::string(buf);
}

// The angle between two steps in whole degrees, or −1 when either has no direction.
int angleDegrees(const Eigen::Vector2d& a, const Eigen::Vector2d& b) {
    const double na = a.norm(), nb = b.norm();
    if (!(na > 0) || !(nb > 0)) return -1;
    const double c = std::clamp(a.dot(b) / (na * nb), -1.0, 1.0);
    return static_cast<int>(std::lround(std::acos(c) * 180 / std::numbers::pi));
}

std::string apart(const LocalQuadratic& q) {
    const int deg = q.newtonStep ? angleDegrees(*q.newtonStep, q.gradientStep) : -1;
    return deg < 0 ? std::string() : ": the steps are " + std::to_string(deg) + "° apart";
}

std::string explain(const LocalQuadratic& q) {
    const double l1 = q.eigenvalues[0], l2 = q.eigenvalues[1];
    // A gradient this small next to the curvature moves nothing visible: a stationary point.
    if (q.gradient.norm() <= 1e-12 * std::max(1.0, std::abs(l1)))
        return std::string("∇f = 0 here: p is a stationary point of f (") +
               curvatureKindName(q.kind) + "), so neither step moves.";
    if (!q.newtonStep) return q.newtonReason + "; the gradient step still moves, along −∇f.";
    switch (q.kind) {
    case CurvatureKind::MinimumLike:
        if (q.condition < 1.05)
            return "The curvature is nearly the same in every direction (κ = " +
                   number(q.condition) +
                   "), so −∇f points straight at the model's minimum and the two steps differ "
                   "only in length" +
                   apart(q) + ".";
        {
            // Which way −∇f leans decides how the sentence goes; a κ ≥ 10 bowl reads as a valley.
            const bool valley = q.condition >= 10;
            const double g1 = std::abs(q.eigenvector(0).dot(q.gradient));
            const double g2 = std::abs(q.eigenvector(1).dot(q.gradient));
            const std::string k = number(q.condition);
            const std::string lean =
                g1 >= g2 ? std::string(", so the gradient step goes mostly along e₁") +
                               (valley ? " (across the valley)" : " (the steep direction)")
                         : std::string(", and here −∇f already leans along e₂") +
                               (valley ? " (along the valley)" : " (the gentle direction)");
            return "The curvature along e₁ is " + k + "× that along e₂" + lean +
                   "; Newton divides each component of −∇f by its curvature, which stretches the "
                   "e₂ "
                   "part " +
                   k + "× more than the e₁ part" + apart(q) + ".";
        }
    case CurvatureKind::MaximumLike:
        return "Both curvatures are negative (the model is a cap), so Newton's step climbs to the "
               "model's maximum while the gradient step goes downhill" +
               apart(q) + ".";
    case CurvatureKind::Saddle:
        return std::string("The curvatures have opposite signs (λ₁ = ") + number(l1) +
               ", λ₂ = " + number(l2) +
               "), so Newton's step heads for the model's saddle point, uphill along e" +
               (l1 < 0 ? "₁" : "₂") +
               " where f curves down, while the gradient step goes downhill" + apart(q) + ".";
    case CurvatureKind::Degenerate:
        break;
    }
    return q.newtonReason + ".";
}

} // namespace

const char* curvatureKindName(CurvatureKind kind) {
    switch (kind) {
    case CurvatureKind::MinimumLike:
        return "minimum-like";
    case CurvatureKind::MaximumLike:
        return "maximum-like";
    case CurvatureKind::Saddle:
        return "saddle";
    case CurvatureKind::Degenerate:
        return "degenerate";
    }
    return "degenerate";
}

std::optional<std::string> LocalQuadraticSettings::validate() const {
    if (!std::isfinite(learningRate) || learningRate < 0)
        return "learningRate must be finite and ≥ 0 (0: 1/|λ₁|), got " + number(learningRate);
    if (!std::isfinite(singularTolerance) || singularTolerance < 0 || singularTolerance >= 1)
        return "singularTolerance must be in [0, 1), got " + number(singularTolerance);
    return std::nullopt;
}

double LocalQuadratic::model(const Eigen::Vector2d& q) const {
    const Eigen::Vector2d d = q - point;
    // m(q) = f(p) + ∇f·d + ½ dᵀHd
    return value + gradient.dot(d) + 0.5 * d.dot(hessian * d);
}

std::optional<Eigen::Vector2d> LocalQuadratic::center() const {
    if (!newtonStep) return std::nullopt;
    return Eigen::Vector2d(point + *newtonStep);
}

LocalQuadratic analyzeLocalQuadratic(const Objective& f, const Vec& p,
                                     const LocalQuadraticSettings& settings) {
    LocalQuadratic q;
    if (auto e = settings.validate()) {
        q.error = *e;
        return q;
    }
    if (f.dimension() != 2 || p.size() != 2) {
        q.error = "the quadratic model is drawn for functions of two variables";
        return q;
    }
    Vec g;
    Mat h;
    q.point = Eigen::Vector2d(p[0], p[1]);
    q.value = f.valueAndGradient(p, g);
    f.hessian(p, h);
    q.exactHessian = f.hasExactHessian();
    if (!std::isfinite(q.value) || !g.allFinite() || !h.allFinite() || h.rows() != 2 ||
        h.cols() != 2) {
        q.error = "f, its gradient or its Hessian is not finite at this point";
        return q;
    }
    q.gradient = Eigen::Vector2d(g[0], g[1]);
    // Symmetrized: a finite-difference Hessian is symmetric only up to rounding.
    q.hessian = 0.5 * (h + h.transpose());

    const Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eig(q.hessian);
    // Eigen sorts by value; we want the stronger curvature first.
    int first = std::abs(eig.eigenvalues()[1]) >= std::abs(eig.eigenvalues()[0]) ? 1 : 0;
    for (int i = 0; i < 2; ++i) {
        const int from = i == 0 ? first : 1 - first;
        q.eigenvalues[i] = eig.eigenvalues()[from];
        Eigen::Vector2d e = eig.eigenvectors().col(from).normalized();
        // A fixed orientation (eigenvectors have no sign of their own): x ≥ 0, then y > 0.
        if (e.x() < -1e-15 || (std::abs(e.x()) <= 1e-15 && e.y() < 0)) e = -e;
        q.eigenvectors.col(i) = e;
    }
    const double l1 = q.eigenvalues[0], l2 = q.eigenvalues[1];
    const bool singular = l1 == 0 || std::abs(l2) <= settings.singularTolerance * std::abs(l1);
    q.condition = singular ? std::numeric_limits<double>::infinity() : std::abs(l1 / l2);
    q.kind = singular           ? CurvatureKind::Degenerate
             : l1 > 0 && l2 > 0 ? CurvatureKind::MinimumLike
             : l1 < 0 && l2 < 0 ? CurvatureKind::MaximumLike
                                : CurvatureKind::Saddle;

    if (singular) {
        q.newtonReason = l1 == 0 ? "H = 0: the model is a plane with no curvature at all, so "
                                   "there is no Newton step (−H⁻¹∇f needs H⁻¹)"
                                 : "H is singular (λ₂ = 0): the model has no curvature along e₂, "
                                   "so H⁻¹ does not exist and there is no Newton step";
    } else {
        // −H⁻¹∇f = −Σ (eᵢ·∇f / λᵢ) eᵢ: each eigen-component of −∇f divided by its curvature.
        Eigen::Vector2d step = Eigen::Vector2d::Zero();
        for (int i = 0; i < 2; ++i)
            step -= (q.eigenvector(i).dot(q.gradient) / q.eigenvalues[i]) * q.eigenvector(i);
        q.newtonStep = step;
    }
    q.learningRate = settings.learningRate > 0 ? settings.learningRate
                     : l1 != 0                 ? 1.0 / std::abs(l1)
                                               : 1.0;
    q.gradientStep = -q.learningRate * q.gradient; // −λ∇f
    q.explanation = explain(q);
    return q;
}

} // namespace gs
