#include "optim/gradient_descent.h"

namespace gs {

namespace {
enum { kLr };
}

const std::vector<HyperParam>& GradientDescent::hyperParams() const {
    static const std::vector<HyperParam> params = {
        {"lr", "learning rate λ", 1e-2, 1e-5, 10.0, true, "Step size along the negative gradient"},
    };
    return params;
}

void GradientDescent::step(const Objective&, Vec& x, const Vec& g) {
    const double lr = param(kLr);
    x -= lr * g; // x ← x − λ ∇f(x)
}

void GradientDescent::stepFloatRange(float* x, const float* g, int begin, int end) {
    const auto lr = static_cast<float>(param(kLr));
    Eigen::Map<Eigen::VectorXf>(x + begin, end - begin) -=
        lr * Eigen::Map<const Eigen::VectorXf>(g + begin, end - begin);
}

} // namespace gs
