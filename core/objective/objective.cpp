#include "objective/objective.h"

#include <algorithm>
#include <cmath>

namespace gs {

bool Box::contains(const Vec& x) const {
    if (x.size() != lo.size()) return false;
    return ((x.array() >= lo.array()) && (x.array() <= hi.array())).all();
}

void Objective::hessian(const Vec& x, Mat& h) const {
    // Central differences of the exact gradient: H_ij ≈ (g_i(x + h e_j) - g_i(x - h e_j)) / 2h.
    const int n = dimension();
    h.resize(n, n);
    Vec xp = x, xm = x, gp(n), gm(n);
    for (int j = 0; j < n; ++j) {
        const double step = 1e-5 * std::max(1.0, std::abs(x[j]));
        xp[j] = x[j] + step;
        xm[j] = x[j] - step;
        valueAndGradient(xp, gp);
        valueAndGradient(xm, gm);
        h.col(j) = (gp - gm) / (2.0 * step);
        xp[j] = xm[j] = x[j];
    }
    h = 0.5 * (h + h.transpose()).eval(); // symmetrize away rounding noise
}

NegatedObjective::NegatedObjective(ObjectivePtr inner) : inner_(std::move(inner)) {
    info() = inner_->info();
    info().name = "−(" + inner_->info().name + ")";
    for (Optimum& o : info().optima) {
        o.value = -o.value;
        if (o.kind != Optimum::Kind::Saddle)
            o.kind =
                o.kind == Optimum::Kind::Minimum ? Optimum::Kind::Maximum : Optimum::Kind::Minimum;
    }
}

double NegatedObjective::valueAndGradient(const Vec& x, Vec& grad) const {
    const double f = inner_->valueAndGradient(x, grad);
    grad = -grad;
    return -f;
}

void NegatedObjective::hessian(const Vec& x, Mat& h) const {
    inner_->hessian(x, h);
    h = -h;
}

} // namespace gs
