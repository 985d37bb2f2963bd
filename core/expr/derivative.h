#pragma once
// Symbolic differentiation. The result is built with the simplifying builders of node.h, so
// d/dx (25 sin(x) − x^2) is 25 cos(x) − 2x, not 25·cos(x)·1 − 2·x^1·1.
//
// f is a DAG: each distinct node is differentiated once (memoized), so the work and the result
// grow with the number of distinct nodes, not with the size of the tree f would print as. A
// budget caps the nodes one call may build; past it the result is empty (null), never minutes of
// work.

#include "expr/node.h"

#include <cstddef>
#include <vector>

namespace gs::expr {

/// Nodes one derivative(), gradient() or hessian() call may build before it gives up.
inline constexpr std::size_t kDefaultDerivativeNodes = 50000;

/// ∂f/∂x_var, or null past the budget. Kinks (abs, relu, min, max, sign, step) use the one-sided
/// derivative that is conventional in deep learning: d/dx relu(x) = step(x), 0 at the kink.
NodePtr derivative(const NodePtr& f, int var, std::size_t maxNodes = kDefaultDerivativeNodes);

/// [∂f/∂x_0, ..., ∂f/∂x_{n−1}], or empty past the budget (for all entries together).
std::vector<NodePtr> gradient(const NodePtr& f, int dimension,
                              std::size_t maxNodes = kDefaultDerivativeNodes);

/// Row-major n×n Hessian from the gradient; entries (i, j) and (j, i) share one node. Empty past
/// the budget (for all entries together).
std::vector<NodePtr> hessianOfGradient(const std::vector<NodePtr>& gradient,
                                       std::size_t maxNodes = kDefaultDerivativeNodes);

/// hessianOfGradient(gradient(f, dimension)).
std::vector<NodePtr> hessian(const NodePtr& f, int dimension,
                             std::size_t maxNodes = kDefaultDerivativeNodes);

} // namespace gs::expr
