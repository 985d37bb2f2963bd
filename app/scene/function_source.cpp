#include "scene/function_source.h"

#include "objective/article_functions.h"

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
} // namespace

QStringList catalogKeys(int dimension) {
    QStringList keys;
    for (const Entry& e : entries())
        if (e.dimension == dimension) keys << e.key;
    return keys;
}

ResolvedFunction resolveFunction(const QString& catalog, const QString& formula, int dimension) {
    if (!formula.isEmpty())
        return {nullptr, QStringLiteral("typed formulas are not available in this build")};
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

} // namespace gs::app
