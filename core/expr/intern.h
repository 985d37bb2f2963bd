#pragma once
// Hash-consing (internal to the engine): every node is built once. Two calls with the same
// operator, constant, variable and argument nodes return the same pointer, so structurally equal
// trees are one node, equality is a pointer comparison, and a formula is a DAG whose shared parts
// each stage visits once.

#include "expr/node.h"

namespace gs::expr::detail {

/// The one node (op, value, var, a, b); `a` and `b` are null for leaves, `b` for unary ops.
NodePtr intern(Op op, double value, int var, NodePtr a, NodePtr b);

} // namespace gs::expr::detail
