#include "objective/closed_form_objective.h"

namespace gs {

ClosedFormObjective::ClosedFormObjective(int dimension, ValueFn value, GradientFn gradient,
                                         HessianFn hessian)
    : dimension_(dimension), value_(std::move(value)), gradient_(std::move(gradient)),
      hessian_(std::move(hessian)) {}

double ClosedFormObjective::valueAndGradient(const Vec& x, Vec& grad) const {
    grad.resize(dimension_);
    gradient_(x, grad);
    return value_(x);
}

void ClosedFormObjective::hessian(const Vec& x, Mat& h) const {
    if (!hessian_) {
        Objective::hessian(x, h);
        return;
    }
    h.resize(dimension_, dimension_);
    hessian_(x, h);
}

} // namespace gs
