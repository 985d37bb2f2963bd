#pragma once
// Numbers for people: a real minus sign, no "-0", a sensible number of significant digits.

#include <QString>

namespace gs::app {

/// e.g. −4.3564, 0.01, 1.2e+08; "—" for NaN.
QString formatNumber(double v, int significant = 5);
/// `name` with a Unicode subscript index: subscripted("x", 12) is x₁₂.
QString subscripted(const QString& name, int k);

} // namespace gs::app
