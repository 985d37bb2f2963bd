#pragma once
// Syntax tree: immutable nodes shared between trees (a derivative reuses parts of its function).
// The make* builders simplify as they build (constant folding, 0 and 1 identities), so every tree
// in the engine is already in a readable, canonical-enough form.

#include <memory>
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
    // MulC is k·a and Axpy a + k·b, with the constant k carried in the instruction.
    SinCos, MulC, Axpy,
};
// clang-format on

struct Node;
using NodePtr = std::shared_ptr<const Node>;

struct Node {
    Op op = Op::Const;
    double value = 0.0; ///< Const only
    int var = -1;       ///< Var only: index into the variable list
    std::vector<NodePtr> args;
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

/// Structural equality (same operators, constants and variables).
bool equal(const NodePtr& a, const NodePtr& b);

} // namespace gs::expr
