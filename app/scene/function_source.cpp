#include "scene/function_source.h"

#include "objective/catalog.h"
#include "objective/expression_objective.h"
#include "scene/quote.h"

#include <utility>
#include <vector>

namespace gs::app {

namespace {
std::vector<std::string> variablesFor(int dimension) {
    return dimension == 1 ? std::vector<std::string>{"x"} : std::vector<std::string>{"x", "y"};
}
} // namespace

QStringList catalogKeys(int dimension) {
    QStringList keys;
    for (const std::string& key : gs::catalogKeys(dimension))
        keys << QString::fromStdString(key);
    return keys;
}

QString catalogName(const QString& key) {
    const CatalogEntry* e = findCatalogEntry(key.toStdString());
    return e ? QString::fromStdString(e->name) : key;
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
    if (const CatalogEntry* e = findCatalogEntry(catalog.toStdString())) {
        if (e->dimension() != dimension)
            return {nullptr,
                    QStringLiteral("%1 is a function of %2 variable(s), this view needs %3")
                        .arg(quote(catalog))
                        .arg(e->dimension())
                        .arg(dimension)};
        return {makeCatalogObjective(*e), {}};
    }
    return {nullptr, QStringLiteral("unknown function %1; known: %2")
                         .arg(quote(catalog), catalogKeys(dimension).join(QStringLiteral(", ")))};
}

void setFormulaDefaults(Objective& f) {
    const int n = f.dimension();
    const double half = n == 1 ? 10.0 : 3.0;
    f.info().viewBox = {Vec::Constant(n, -half), Vec::Constant(n, half)};
    f.info().defaultStart = Vec::Zero(n);
}

ResolvedFunction resolveSceneFunction(const Scene& scene, int dimension) {
    ResolvedFunction r = resolveFunction(scene.catalog, scene.formula, dimension);
    if (r.objective) r.objective->info().viewBox = sceneViewBox(scene, *r.objective);
    return r;
}

Scene withCatalogFunction(Scene s, const QString& key) {
    s.catalog = key;
    s.formula.clear();
    s.start.clear();
    s.xRange.clear();
    s.yRange.clear();
    s.title.clear();
    for (SceneRun& run : s.runs)
        run.start.reset();
    return s;
}

void adoptFormula(Scene& scene, const QString& text, Objective& f) {
    scene.catalog.clear();
    scene.formula = text;
    f.info().viewBox = sceneViewBox(scene, f);
}

Box sceneViewBox(const Scene& scene, const Objective& f) {
    Box box = f.info().viewBox;
    if (!scene.xRange.isEmpty()) {
        box.lo[0] = scene.xRange[0];
        box.hi[0] = scene.xRange[1];
    }
    if (!scene.yRange.isEmpty() && box.dimension() > 1) {
        box.lo[1] = scene.yRange[0];
        box.hi[1] = scene.yRange[1];
    }
    return box;
}

} // namespace gs::app
