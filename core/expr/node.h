#pragma once
// Syntax DAG: immutable, hash-consed nodes (each distinct node exists once, see intern.h), shared
// between trees (a derivative reuses parts of its function). The make* builders simplify as they
// build (constant folding, 0 and 1 identities), so every tree in the engine is already in a
// readable, canonical-enough form.
//
// What the simplification keeps and assumes:
//  - Constants are canonical: one NaN, and −0 is 0 (a symbolic zero has no sign).
//  - Constants fold unless the result is NaN: 0/0, inf − inf and 0·inf stay as written and are NaN
//    when evaluated. Overflow folds to inf (IEEE), which prints as `inf` and reads back.
//  - u − u → 0 and 0·u → 0 assume u is finite (they only differ where u is already inf or NaN),
//    so they apply only to a u that depends on a variable: a constant part such as 0·(1/0) keeps
//    its IEEE value. Rules that would change a finite point's value (u/u → 1 at u = 0, 0/u → 0)
//    are not applied.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace gs::expr {

// clang-format off
enum class Op {
    Const, Var,                                 // leaves
    Neg, Add, Sub, Mul, Div, Pow,               // arithmetic
    Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Asinh, Acosh, Atanh,
    Exp, Log, Log10, Log2, Sqrt, Cbrt, Abs, Sign, Step, Sigmoid, Softplus, Relu, Erf,
    Atan2, Min, Max,                            // binary functions
    // Compiled programs only: SinCos writes sin to dst and cos to register b in one call;
    // MulC is k·a, Axpy a + k·b, Lin2 k·a + k2·b and Lin3 (k·a + k2·b) + k3·c, with the
    // constants in the instruction.
    SinCos, MulC, Axpy, Lin2, Lin3,
};
// clang-format on

struct Node;
using NodePtr = std::shared_ptr<const Node>;

struct Node {
    Op op = Op::Const;
    double value = 0.0;    ///< Const only
    int var = -1;          ///< Var only: index into the variable list
    bool variable = false; ///< depends on a variable (false for a constant expression like 1/0)
    std::vector<NodePtr> args;
    mutable const Node* nextDead = nullptr; ///< internal (intern.cpp): the list of nodes to free
};

/// Number of arguments an operator takes (0, 1 or 2).
int arity(Op op);
/// True for the named functions (sin, atan2, ...), false for operators and leaves.
bool isFunction(Op op);
/// Name a function prints with, e.g. "sin"; empty for operators.
const char* functionName(Op op);

bool isConst(const NodePtr& n, double v);
bool isConst(const NodePtr& n);

NodePtr makeConst(double v);
NodePtr makeVar(int index);
NodePtr makeNeg(NodePtr a);
NodePtr makeAdd(NodePtr a, NodePtr b);
NodePtr makeSub(NodePtr a, NodePtr b);
NodePtr makeMul(NodePtr a, NodePtr b);
NodePtr makeDiv(NodePtr a, NodePtr b);
NodePtr makePow(NodePtr a, NodePtr b);
/// Any operator or function; unary and binary ops are routed to the simplifying builders.
NodePtr make(Op op, NodePtr a, NodePtr b = nullptr);

/// Structural equality (same operators, constants and variables); nodes are hash-consed, so this
/// is pointer equality.
bool equal(const NodePtr& a, const NodePtr& b);

/// Distinct nodes built on the calling thread so far; a stage's budget compares it before and
/// after.
std::uint64_t nodesBuilt();

/// Distinct nodes reachable from `roots`, counting stops just past `stopAfter`.
std::size_t countNodes(std::span<const NodePtr> roots, std::size_t stopAfter);

/// Calls `visit` once per distinct node reachable from `roots`, children before parents, without
/// recursion (a chain such as x*x*...*x is thousands of nodes deep); stops when `visit` returns
/// false. Stages walk a DAG with this so that their own per-node step never recurses deeply.
void postOrder(std::span<const NodePtr> roots, const std::function<bool(const NodePtr&)>& visit);

} // namespace gs::expr
