#include "pages/point/formula_text.h"

#include "expr/printer.h"
#include "expr/substitute.h"
#include "objective/expression_objective.h"

#include <cmath>

namespace gs::app {

namespace {
QString fromText(const expr::Text& t) {
    return t.ok() ? QString::fromStdString(t.text) : QString();
}
} // namespace

QString partialText(const Objective& f, int i, bool rich) {
    const auto* e = dynamic_cast<const ExpressionObjective*>(&f);
    if (!e) return {};
    return fromText(e->derivativeText(i, rich ? expr::TextStyle::Rich : expr::TextStyle::Plain));
}

QString fixedVariableText(const Objective& f, int var, double value, bool rich, bool* rounded) {
    const auto* e = dynamic_cast<const ExpressionObjective*>(&f);
    if (!e) return {};
    // Three decimals, as the sliders show: a dragged point prints as cos(3x + 0.5), not as
    // cos(3x + 0.50000000000213).
    double shown = std::round(value * 1000) / 1000;
    if (shown == 0) shown = 0; // no −0
    if (rounded) *rounded = std::abs(shown - value) > 1e-12;
    const expr::NodePtr slice = expr::substitute(e->tree(), var, shown);
    return fromText(
        expr::toText(slice, e->variables(), rich ? expr::TextStyle::Rich : expr::TextStyle::Plain));
}

} // namespace gs::app
