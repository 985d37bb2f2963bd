#include "expr/node.h"

#include "expr/intern.h"
#include "expr/scalar_ops.h"

#include <cmath>
#include <limits>
#include <unordered_set>
#include <utility>

namespace gs::expr {

int arity(Op op) {
    switch (op) {
    case Op::Const:
    case Op::Var:
        return 0;
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
    case Op::Pow:
    case Op::Atan2:
    case Op::Min:
    case Op::Max:
    case Op::Axpy:
    case Op::Lin2:
        return 2;
    case Op::Lin3:
        return 3;
    default:
        return 1;
    }
}

bool isFunction(Op op) {
    return op >= Op::Sin && op < Op::SinCos;
}

const char* functionName(Op op) {
    switch (op) {
    case Op::Sin:
        return "sin";
    case Op::Cos:
        return "cos";
    case Op::Tan:
        return "tan";
    case Op::Asin:
        return "asin";
    case Op::Acos:
        return "acos";
    case Op::Atan:
        return "atan";
    case Op::Sinh:
        return "sinh";
    case Op::Cosh:
        return "cosh";
    case Op::Tanh:
        return "tanh";
    case Op::Asinh:
        return "asinh";
    case Op::Acosh:
        return "acosh";
    case Op::Atanh:
        return "atanh";
    case Op::Exp:
        return "exp";
    case Op::Log:
        return "ln";
    case Op::Log10:
        return "log10";
    case Op::Log2:
        return "log2";
    case Op::Sqrt:
        return "sqrt";
    case Op::Cbrt:
        return "cbrt";
    case Op::Abs:
        return "abs";
    case Op::Sign:
        return "sign";
    case Op::Step:
        return "step";
    case Op::Sigmoid:
        return "sigmoid";
    case Op::Softplus:
        return "softplus";
    case Op::Relu:
        return "relu";
    case Op::Erf:
        return "erf";
    case Op::Atan2:
        return "atan2";
    case Op::Min:
        return "min";
    case Op::Max:
        return "max";
    default:
        return "";
    }
}

bool isConst(const NodePtr& n) {
    return n->op == Op::Const;
}

bool isConst(const NodePtr& n, double v) {
    return n->op == Op::Const && n->value == v;
}

namespace {
NodePtr node(Op op, NodePtr a, NodePtr b = nullptr) {
    return detail::intern(op, 0.0, -1, std::move(a), std::move(b));
}

bool bothConst(const NodePtr& a, const NodePtr& b) {
    return isConst(a) && isConst(b);
}

// c = a op b for constants: folded unless NaN, which keeps the expression that produces it.
NodePtr fold(Op op, NodePtr a, NodePtr b, double c) {
    if (std::isnan(c)) return node(op, std::move(a), std::move(b));
    return makeConst(c);
}
} // namespace

namespace {
// ±c1 + c for a = u ± c1: the constant of (u ± c1) + c.
double sumOfConstants(const NodePtr& a, double c) {
    return (a->op == Op::Add ? 1 : -1) * a->args[1]->value + c;
}
} // namespace

NodePtr makeConst(double v) {
    // One NaN node, and one zero: a symbolic zero (the derivative of −c) has no sign.
    if (std::isnan(v)) v = std::numeric_limits<double>::quiet_NaN();
    if (v == 0) v = 0.0;
    return detail::intern(Op::Const, v, -1, nullptr, nullptr);
}

NodePtr makeVar(int index) {
    return detail::intern(Op::Var, 0.0, index, nullptr, nullptr);
}

NodePtr makeNeg(NodePtr a) {
    if (isConst(a)) return makeConst(-a->value);
    if (a->op == Op::Neg) return a->args[0];                      // −(−a) = a
    if (a->op == Op::Sub) return makeSub(a->args[1], a->args[0]); // −(a−b) = b−a
    if (a->op == Op::Mul && isConst(a->args[0]))                  // −(c·u)
        return makeMul(makeConst(-a->args[0]->value), a->args[1]);
    return node(Op::Neg, std::move(a));
}

NodePtr makeAdd(NodePtr a, NodePtr b) {
    if (bothConst(a, b)) return fold(Op::Add, a, b, a->value + b->value);
    if (isConst(a, 0)) return b;
    if (isConst(b, 0)) return a;
    if (b->op == Op::Neg) return makeSub(a, b->args[0]); // a + (−b)
    if (isConst(b) && b->value < 0) return makeSub(a, makeConst(-b->value));
    if (b->op == Op::Mul && isConst(b->args[0]) && b->args[0]->value < 0) // a + (−c)u
        return makeSub(a, makeMul(makeConst(-b->args[0]->value), b->args[1]));
    if (a->op == Op::Neg) return makeSub(b, a->args[0]); // −a + b
    if (equal(a, b)) return makeMul(makeConst(2), a);
    if (isConst(b) && (a->op == Op::Add || a->op == Op::Sub) && isConst(a->args[1]) &&
        !std::isnan(sumOfConstants(a, b->value))) // (u ± c1) + c2
        return makeAdd(a->args[0], makeConst(sumOfConstants(a, b->value)));
    return node(Op::Add, std::move(a), std::move(b));
}

NodePtr makeSub(NodePtr a, NodePtr b) {
    if (bothConst(a, b)) return fold(Op::Sub, a, b, a->value - b->value);
    if (isConst(b, 0)) return a;
    if (isConst(a, 0)) return makeNeg(b);
    if (b->op == Op::Neg) return makeAdd(a, b->args[0]); // a − (−b)
    if (isConst(b) && b->value < 0) return makeAdd(a, makeConst(-b->value));
    if (b->op == Op::Mul && isConst(b->args[0]) && b->args[0]->value < 0) // a − (−c)u
        return makeAdd(a, makeMul(makeConst(-b->args[0]->value), b->args[1]));
    if (equal(a, b) && a->variable) return makeConst(0); // u − u = 0 (u is assumed finite)
    if (isConst(b) && (a->op == Op::Add || a->op == Op::Sub) && isConst(a->args[1]) &&
        !std::isnan(sumOfConstants(a, -b->value))) // (u ± c1) − c2
        return makeAdd(a->args[0], makeConst(sumOfConstants(a, -b->value)));
    return node(Op::Sub, std::move(a), std::move(b));
}

namespace {
// n = coefficient · rest, with rest null for a constant; gathers the numbers of a product so
// (0.5/u)·(2x) becomes x/u rather than 2·0.5/u·x.
std::pair<double, NodePtr> splitCoefficient(const NodePtr& n) {
    if (n->op == Op::Const) return {n->value, nullptr};
    if (n->op == Op::Mul && isConst(n->args[0])) return {n->args[0]->value, n->args[1]};
    if (n->op == Op::Div && isConst(n->args[0]) && !isConst(n->args[0], 1))
        return {n->args[0]->value, makeDiv(makeConst(1), n->args[1])};
    return {1.0, n};
}
} // namespace

NodePtr makeMul(NodePtr a, NodePtr b) {
    if (bothConst(a, b)) return fold(Op::Mul, a, b, a->value * b->value);
    {
        auto [ca, ra] = splitCoefficient(a);
        auto [cb, rb] = splitCoefficient(b);
        if ((ca != 1 || cb != 1) && !std::isnan(ca * cb) && !(isConst(a) && !rb) &&
            !(isConst(b) && !ra) && !(isConst(a) && cb == 1) && !(isConst(b) && ca == 1)) {
            NodePtr rest = ra && rb ? makeMul(ra, rb) : ra ? ra : rb;
            return makeMul(makeConst(ca * cb), rest);
        }
    }
    if (a->op == Op::Div && isConst(a->args[0], 1)) return makeDiv(b, a->args[1]); // (1/d)·b
    if (b->op == Op::Div && isConst(b->args[0], 1)) return makeDiv(a, b->args[1]); // a·(1/d)
    if (isConst(b)) std::swap(a, b);            // constants first: c·u
    if (isConst(a, 0) && b->variable) return a; // 0·u = 0 (u is assumed finite)
    if (isConst(a, 1)) return b;
    if (isConst(a, -1)) return makeNeg(b);
    if (a->op == Op::Neg) return makeNeg(makeMul(a->args[0], b));
    if (b->op == Op::Neg) return makeNeg(makeMul(a, b->args[0]));
    if (isConst(a) && b->op == Op::Mul && isConst(b->args[0]) && // c1·(c2·u)
        !std::isnan(a->value * b->args[0]->value))
        return makeMul(makeConst(a->value * b->args[0]->value), b->args[1]);
    if (!isConst(a) && b->op == Op::Mul && isConst(b->args[0])) // u·(c·v)
        return makeMul(b->args[0], makeMul(a, b->args[1]));
    if (a->op == Op::Mul && isConst(a->args[0])) // (c·u)·v
        return makeMul(a->args[0], makeMul(a->args[1], b));
    if (equal(a, b)) return makePow(a, makeConst(2));            // u·u = u²
    if (isConst(a) && b->op == Op::Div && isConst(b->args[0]) && // c1·(c2/u)
        !std::isnan(a->value * b->args[0]->value))
        return makeDiv(makeConst(a->value * b->args[0]->value), b->args[1]);
    return node(Op::Mul, std::move(a), std::move(b));
}

NodePtr makeDiv(NodePtr a, NodePtr b) {
    if (bothConst(a, b)) {
        const double q = a->value / b->value;
        // Fold only when exact enough to print well (1/2 → 0.5, keep 1/3 as a fraction); 1/0
        // and 0/0 stay as written.
        if (b->value != 0 && q * b->value == a->value && std::abs(q) < 1e15 &&
            std::floor(q * 1e6) == q * 1e6)
            return makeConst(q);
        return node(Op::Div, std::move(a), std::move(b));
    }
    if (isConst(b, 1)) return a;
    if (isConst(b, -1)) return makeNeg(a);
    if (isConst(b) && b->value != 0) { // (c·u)/d = (c/d)·u when c/d is exact
        auto [ca, ra] = splitCoefficient(a);
        const double q = ca / b->value;
        if (ra && ca != 1 && q * b->value == ca && std::floor(q * 1e6) == q * 1e6)
            return makeMul(makeConst(q), ra);
    }
    if (a->op == Op::Neg) return makeNeg(makeDiv(a->args[0], b));
    if (b->op == Op::Neg) return makeNeg(makeDiv(a, b->args[0]));
    if (a->op == Op::Mul && isConst(a->args[0])) // (c·u)/v, also for a v the above could not fold
        return makeMul(a->args[0], makeDiv(a->args[1], b));
    return node(Op::Div, std::move(a), std::move(b));
}

NodePtr makePow(NodePtr a, NodePtr b) {
    if (bothConst(a, b)) {
        const double p = std::pow(a->value, b->value);
        if (std::isfinite(p) && p == std::round(p) && std::abs(p) < 1e15) return makeConst(p);
        return node(Op::Pow, std::move(a), std::move(b));
    }
    if (isConst(b, 0)) return makeConst(1);
    if (isConst(b, 1)) return a;
    if (a->op == Op::Pow && isConst(a->args[1]) && isConst(b) && // (u^a)^b
        a->args[1]->value == std::round(a->args[1]->value) && b->value == std::round(b->value))
        return makePow(a->args[0], makeConst(a->args[1]->value * b->value));
    return node(Op::Pow, std::move(a), std::move(b));
}

NodePtr make(Op op, NodePtr a, NodePtr b) {
    switch (op) {
    case Op::Neg:
        return makeNeg(std::move(a));
    case Op::Add:
        return makeAdd(std::move(a), std::move(b));
    case Op::Sub:
        return makeSub(std::move(a), std::move(b));
    case Op::Mul:
        return makeMul(std::move(a), std::move(b));
    case Op::Div:
        return makeDiv(std::move(a), std::move(b));
    case Op::Pow:
        return makePow(std::move(a), std::move(b));
    default:
        break;
    }
    // Exact identities only; other functions of constants stay symbolic (sin(2) prints well).
    if (op == Op::Sin && isConst(a, 0)) return a;
    if (op == Op::Cos && isConst(a, 0)) return makeConst(1);
    if (op == Op::Exp && isConst(a, 0)) return makeConst(1);
    if (op == Op::Log && isConst(a, 1)) return makeConst(0);
    if ((op == Op::Sign || op == Op::Step || op == Op::Abs) && isConst(a))
        return makeConst(applyOp(op, a->value, 0));
    return node(op, std::move(a), std::move(b));
}

bool equal(const NodePtr& a, const NodePtr& b) {
    return a == b;
}

std::size_t countNodes(std::span<const NodePtr> roots, std::size_t stopAfter) {
    std::unordered_set<const Node*> seen;
    std::vector<const Node*> todo;
    for (const NodePtr& r : roots)
        if (r) todo.push_back(r.get());
    while (!todo.empty() && seen.size() <= stopAfter) {
        const Node* n = todo.back();
        todo.pop_back();
        if (!seen.insert(n).second) continue;
        for (const NodePtr& a : n->args)
            todo.push_back(a.get());
    }
    return seen.size();
}

void postOrder(std::span<const NodePtr> roots, const std::function<bool(const NodePtr&)>& visit) {
    std::unordered_set<const Node*> done;
    std::vector<std::pair<const NodePtr*, size_t>> stack; // node, next argument to descend into
    for (const NodePtr& root : roots) {
        if (!root || done.count(root.get())) continue;
        stack.emplace_back(&root, 0);
        while (!stack.empty()) {
            auto& [n, next] = stack.back();
            if (next < (*n)->args.size()) {
                const NodePtr& child = (*n)->args[next++];
                if (!done.count(child.get())) stack.emplace_back(&child, 0);
                continue;
            }
            const NodePtr* finished = n;
            stack.pop_back();
            if (!done.insert(finished->get()).second) continue;
            if (!visit(*finished)) return;
        }
    }
}

} // namespace gs::expr
