#pragma once
// Objective: what is optimized. A dimension, a value, a gradient, optionally a Hessian,
// plus the description a view needs (formula text, view box, default start, known optima).

#include <Eigen/Core>

#include <memory>
#include <string>
#include <vector>

namespace gs {

using Vec = Eigen::VectorXd;
using Mat = Eigen::MatrixXd;

/// Axis-aligned box, one [lo, hi] interval per coordinate.
struct Box {
    Vec lo;
    Vec hi;

    int dimension() const { return static_cast<int>(lo.size()); }
    bool contains(const Vec& x) const;
    Vec center() const { return (lo + hi) / 2.0; }
};

/// A known stationary point worth marking on a plot.
struct Optimum {
    enum class Kind { Minimum, Maximum, Saddle };
    Vec x;
    double value = 0.0;
    Kind kind = Kind::Minimum;
    bool global = true; ///< global within the view box
};

/// Everything a view needs to present an objective; plain data.
struct ObjectiveInfo {
    std::string name;    ///< short display name, e.g. "Rosenbrock"
    std::string formula; ///< plain-text formula, e.g. "25 sin(x) - x^2"
    Box viewBox;         ///< default region to show
    Vec defaultStart;    ///< default start point
    std::vector<Optimum> optima;
};

class Objective {
public:
    virtual ~Objective() = default;

    virtual int dimension() const = 0;
    virtual double value(const Vec& x) const = 0;
    /// Returns f(x) and writes ∇f(x) into `grad` (resized to dimension()).
    virtual double valueAndGradient(const Vec& x, Vec& grad) const = 0;
    /// True when hessian() is exact rather than a finite-difference estimate.
    virtual bool hasExactHessian() const { return false; }
    /// Writes the Hessian into `h`. The default uses central differences of the gradient.
    virtual void hessian(const Vec& x, Mat& h) const;

    const ObjectiveInfo& info() const { return info_; }
    ObjectiveInfo& info() { return info_; }

private:
    ObjectiveInfo info_;
};

using ObjectivePtr = std::shared_ptr<const Objective>;

/// g(x) = -f(x). Maximizing f is minimizing this; there is no second code path for ascent.
class NegatedObjective final : public Objective {
public:
    explicit NegatedObjective(ObjectivePtr inner);

    int dimension() const override { return inner_->dimension(); }
    double value(const Vec& x) const override { return -inner_->value(x); }
    double valueAndGradient(const Vec& x, Vec& grad) const override;
    bool hasExactHessian() const override { return inner_->hasExactHessian(); }
    void hessian(const Vec& x, Mat& h) const override;

    const Objective& inner() const { return *inner_; }

private:
    ObjectivePtr inner_;
};

} // namespace gs
