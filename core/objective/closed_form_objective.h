#pragma once
// An objective given by C++ callables. Used for hand-derived functions that serve as test oracles
// and for objectives whose value is computed by code rather than a formula (e.g. a model's loss).

#include "objective/objective.h"

#include <functional>

namespace gs {

class ClosedFormObjective final : public Objective {
public:
    using ValueFn = std::function<double(const Vec&)>;
    using GradientFn = std::function<void(const Vec&, Vec&)>;
    using HessianFn = std::function<void(const Vec&, Mat&)>;

    ClosedFormObjective(int dimension, ValueFn value, GradientFn gradient, HessianFn hessian = {});

    int dimension() const override { return dimension_; }
    double value(const Vec& x) const override { return value_(x); }
    double valueAndGradient(const Vec& x, Vec& grad) const override;
    bool hasExactHessian() const override { return static_cast<bool>(hessian_); }
    void hessian(const Vec& x, Mat& h) const override;

private:
    int dimension_;
    ValueFn value_;
    GradientFn gradient_;
    HessianFn hessian_;
};

} // namespace gs
