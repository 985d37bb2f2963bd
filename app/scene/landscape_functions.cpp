#include "scene/landscape_functions.h"

#include "objective/article_functions.h"
#include "objective/closed_form_objective.h"

#include <cmath>

namespace gs::app {

namespace {

Vec vec2(double a, double b) {
    return (Vec(2) << a, b).finished();
}

ObjectivePtr withInfo(std::shared_ptr<ClosedFormObjective> f, std::string name, std::string formula,
                      Box box, Vec start, std::vector<Optimum> optima) {
    f->info() = {std::move(name), std::move(formula), std::move(box), std::move(start),
                 std::move(optima)};
    return f;
}

// f = ½ (x² + 10 y²): curvature 1 along x and 10 along y, the textbook zig-zag for descent.
ObjectivePtr elongatedBowl() {
    return withInfo(std::make_shared<ClosedFormObjective>(
                        2, [](const Vec& v) { return 0.5 * (v[0] * v[0] + 10 * v[1] * v[1]); },
                        [](const Vec& v, Vec& g) { g = vec2(v[0], 10 * v[1]); }),
                    "Elongated bowl", "(x^2 + 10 y^2) / 2", {vec2(-3, -3), vec2(3, 3)},
                    vec2(-2.5, 1.5), {{vec2(0, 0), 0.0, Optimum::Kind::Minimum, true}});
}

// Himmelblau: f = (x² + y − 11)² + (x + y² − 7)², four minima of value 0.
ObjectivePtr himmelblau() {
    auto f = std::make_shared<ClosedFormObjective>(
        2,
        [](const Vec& v) {
            const double a = v[0] * v[0] + v[1] - 11, b = v[0] + v[1] * v[1] - 7;
            return a * a + b * b;
        },
        [](const Vec& v, Vec& g) {
            const double a = v[0] * v[0] + v[1] - 11, b = v[0] + v[1] * v[1] - 7;
            g = vec2(4 * a * v[0] + 2 * b, 2 * a + 4 * b * v[1]); // ∂/∂x, ∂/∂y
        });
    std::vector<Optimum> minima;
    for (const auto& [x, y] : {std::pair{3.0, 2.0},
                               {-2.805118, 3.131312},
                               {-3.779310, -3.283186},
                               {3.584428, -1.848126}})
        minima.push_back({vec2(x, y), 0.0, Optimum::Kind::Minimum, true});
    return withInfo(f, "Himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
                    {vec2(-5, -5), vec2(5, 5)}, vec2(0.5, -0.5), std::move(minima));
}

} // namespace

ObjectivePtr rosenbrock() {
    return withInfo(std::make_shared<ClosedFormObjective>(
                        2,
                        [](const Vec& v) {
                            const double a = 1 - v[0], b = v[1] - v[0] * v[0];
                            return a * a + 100 * b * b;
                        },
                        [](const Vec& v, Vec& g) {
                            const double b = v[1] - v[0] * v[0];
                            // ∂/∂x = −2(1 − x) − 400 x (y − x²), ∂/∂y = 200 (y − x²)
                            g = vec2(-2 * (1 - v[0]) - 400 * v[0] * b, 200 * b);
                        }),
                    "Rosenbrock", "(1 - x)^2 + 100 (y - x^2)^2", {vec2(-2, -1), vec2(2, 3)},
                    vec2(-1.5, 2.0), {{vec2(1, 1), 0.0, Optimum::Kind::Minimum, true}});
}

std::vector<std::pair<QString, ObjectivePtr>> landscapeFunctions() {
    auto article = article::cosineLandscape();
    return {{QString::fromStdString(article->info().name), article},
            {QStringLiteral("Rosenbrock"), rosenbrock()},
            {QStringLiteral("Elongated bowl ½(x² + 10y²)"), elongatedBowl()},
            {QStringLiteral("Himmelblau"), himmelblau()}};
}

} // namespace gs::app
