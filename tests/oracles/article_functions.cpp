#include "oracles/article_functions.h"

#include "objective/closed_form_objective.h"

#include <cmath>
#include <numbers>

namespace gs::article {

namespace {
Vec vec1(double a) {
    return Vec::Constant(1, a);
}
Vec vec2(double a, double b) {
    return (Vec(2) << a, b).finished();
}
} // namespace

ObjectivePtr sineParabola() {
    auto f = std::make_shared<ClosedFormObjective>(
        1, [](const Vec& x) { return 25.0 * std::sin(x[0]) - x[0] * x[0]; },
        // f'(x) = 25 cos x − 2x
        [](const Vec& x, Vec& g) { g[0] = 25.0 * std::cos(x[0]) - 2.0 * x[0]; },
        // f''(x) = −25 sin x − 2
        [](const Vec& x, Mat& h) { h(0, 0) = -25.0 * std::sin(x[0]) - 2.0; });
    ObjectiveInfo& i = f->info();
    i.name = "25 sin x − x²";
    i.formula = "25 sin(x) - x^2";
    i.viewBox = {vec1(-10.0), vec1(10.0)};
    i.defaultStart = vec1(-2.0);
    // Roots of 25 cos x = 2x, found by bisection to full precision.
    i.optima = {{vec1(1.454196574976617), 22.71556099678873, Optimum::Kind::Maximum, true},
                {vec1(-4.356405415380388), 4.45433579723862, Optimum::Kind::Maximum, false}};
    return f;
}

ObjectivePtr linearPlusSine() {
    auto f = std::make_shared<ClosedFormObjective>(
        1, [](const Vec& x) { return x[0] + std::sin(x[0]); },
        // f'(x) = 1 + cos x
        [](const Vec& x, Vec& g) { g[0] = 1.0 + std::cos(x[0]); },
        // f''(x) = −sin x
        [](const Vec& x, Mat& h) { h(0, 0) = -std::sin(x[0]); });
    ObjectiveInfo& i = f->info();
    i.name = "x + sin x";
    i.formula = "x + sin(x)";
    i.viewBox = {vec1(-1.0), vec1(7.0)};
    i.defaultStart = vec1(2.5);
    // f' = 0 at x = π, a flat inflection point: the point descent from 2.5 creeps towards.
    i.optima = {{vec1(std::numbers::pi), std::numbers::pi, Optimum::Kind::Saddle, false}};
    return f;
}

ObjectivePtr cosineLandscape() {
    auto f = std::make_shared<ClosedFormObjective>(
        2,
        [](const Vec& v) {
            const double x = v[0], y = v[1];
            return std::cos(3 * x + 2 * y) + std::cos(2 * x + 4 * y) - 2 * std::sin(x + y);
        },
        [](const Vec& v, Vec& g) {
            const double x = v[0], y = v[1];
            const double a = std::sin(3 * x + 2 * y), b = std::sin(2 * x + 4 * y),
                         c = std::cos(x + y);
            g[0] = -3 * a - 2 * b - 2 * c; // ∂f/∂x
            g[1] = -2 * a - 4 * b - 2 * c; // ∂f/∂y
        },
        [](const Vec& v, Mat& h) {
            const double x = v[0], y = v[1];
            const double a = std::cos(3 * x + 2 * y), b = std::cos(2 * x + 4 * y),
                         s = std::sin(x + y);
            h(0, 0) = -9 * a - 4 * b + 2 * s;
            h(0, 1) = h(1, 0) = -6 * a - 8 * b + 2 * s;
            h(1, 1) = -4 * a - 16 * b + 2 * s;
        });
    ObjectiveInfo& i = f->info();
    i.name = "cos(3x+2y) + cos(2x+4y) − 2 sin(x+y)";
    i.formula = "cos(3x + 2y) + cos(2x + 4y) - 2 sin(x + y)";
    i.viewBox = {vec2(-3.0, -3.0), vec2(3.0, 3.0)};
    i.defaultStart = vec2(0.0, 0.0);
    return f;
}

} // namespace gs::article
