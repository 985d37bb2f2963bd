#pragma once
// Formulas of a function of two variables for the lesson pages: a partial derivative, and a slice
// (one variable fixed at a number), printed by the expression engine. A function that is not a
// formula (a hand-coded objective) has no text: the functions return an empty string.

#include "objective/objective.h"

#include <QString>

namespace gs::app {

/// ∂f/∂x_i, e.g. "−3 sin(3x + 2y) − 2 sin(2x + 4y) − 2 cos(x + y)".
QString partialText(const Objective& f, int i, bool rich);
/// f with variable `var` fixed at `value` rounded to three decimals, e.g. at y = 0
/// "cos(3x) + cos(2x) − 2 sin(x)"; `rounded` tells whether rounding changed the value.
QString fixedVariableText(const Objective& f, int var, double value, bool rich,
                          bool* rounded = nullptr);

} // namespace gs::app
