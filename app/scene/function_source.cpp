#include "scene/function_source.h"

#include "objective/article_functions.h"
#include "objective/expression_objective.h"

#include <functional>
#include <utility>
#include <vector>

namespace gs::app {

namespace {
struct Entry {
    QString key;
    int dimension;
    std::function<ObjectivePtr()> make;
};

const std::vector<Entry>& entries() {
    static const std::vector<Entry> all = {
        {QStringLiteral("sine-parabola"), 1, article::sineParabola},
        {QStringLiteral("linear-plus-sine"), 1, article::linearPlusSine},
        {QStringLiteral("cosine-landscape"), 2, article::cosineLandscape},
    };
    return all;
}

std::vector<std::string> variablesFor(int dimension) {
    return dimension == 1 ? std::vector<std::string>{"x"} : std::vector<std::string>{"x", "y"};
}
} // namespace

QStringList catalogKeys(int dimension) {
    QStringList keys;
    for (const Entry& e : entries())
        if (e.dimension == dimension) keys << e.key;
    return keys;
}

QString catalogName(const QString& key) {
    for (const Entry& e : entries())
        if (e.key == key) return QString::fromStdString(e.make()->info().name);
    return key;
}

ResolvedFunction resolveFunction(const QString& catalog, const QString& formula, int dimension) {
    if (!formula.isEmpty()) {
        const QByteArray utf8 = formula.toUtf8();
        auto result = ExpressionObjective::compile(std::string_view(utf8.constData(), utf8.size()),
                                                   variablesFor(dimension));
        if (const auto* e = std::get_if<expr::Error>(&result))
            return {nullptr, QString::fromStdString(e->message)};
        auto f = std::get<std::shared_ptr<ExpressionObjective>>(std::move(result));
        setFormulaDefaults(*f);
        return {std::move(f), {}};
    }
    for (const Entry& e : entries()) {
        if (e.key != catalog) continue;
        if (e.dimension != dimension)
            return {nullptr,
                    QStringLiteral("'%1' is a function of %2 variable(s), this view needs %3")
                        .arg(catalog)
                        .arg(e.dimension)
                        .arg(dimension)};
        return {e.make(), {}};
    }
    return {nullptr, QStringLiteral("unknown function '%1'; known: %2")
                         .arg(catalog, catalogKeys(dimension).join(QStringLiteral(", ")))};
}

void setFormulaDefaults(Objective& f) {
    const int n = f.dimension();
    const double half = n == 1 ? 10.0 : 3.0;
    f.info().viewBox = {Vec::Constant(n, -half), Vec::Constant(n, half)};
    f.info().defaultStart = Vec::Zero(n);
}

Box sceneViewBox(const Scene& scene, const Objective& f) {
    Box box = f.info().viewBox;
    if (!scene.xRange.isEmpty()) {
        box.lo[0] = scene.xRange[0];
        box.hi[0] = scene.xRange[1];
    }
    if (scene.view == Scene::View::Landscape && !scene.yRange.isEmpty() && box.dimension() > 1) {
        box.lo[1] = scene.yRange[0];
        box.hi[1] = scene.yRange[1];
    }
    return box;
}

} // namespace gs::app
