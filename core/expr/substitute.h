#pragma once
// Fixing a variable: f with x_var replaced by a number, rebuilt through the simplifying builders,
// so a slice of a surface reads as a formula of its own. Substituting y = 0 in
// cos(3x + 2y) + cos(2x + 4y) − 2 sin(x + y) gives cos(3x) + cos(2x) − 2 sin(x).

#include "expr/node.h"

namespace gs::expr {

/// `tree` with variable `var` replaced by the constant `value` (other variables keep their index).
NodePtr substitute(const NodePtr& tree, int var, double value);

} // namespace gs::expr
