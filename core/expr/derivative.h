#pragma once
// Symbolic differentiation. The result is built with the simplifying builders of node.h, so
// d/dx (25 sin(x) − x^2) is 25 cos(x) − 2x, not 25·cos(x)·1 − 2·x^1·1.

#include "expr/node.h"

#include <vector>

namespace gs::expr {

/// ∂f/∂x_var. Kinks (abs, relu, min, max, sign, step) use the one-sided derivative that is
/// conventional in deep learning: d/dx relu(x) = step(x), 0 at the kink.
NodePtr derivative(const NodePtr& f, int var);

/// [∂f/∂x_0, ..., ∂f/∂x_{n−1}]
std::vector<NodePtr> gradient(const NodePtr& f, int dimension);

/// Row-major n×n Hessian; entries (i, j) and (j, i) share one tree.
std::vector<NodePtr> hessian(const NodePtr& f, int dimension);

} // namespace gs::expr
