#include "expr/derivative.h"

#include <cmath>
#include <cstdint>
#include <numbers>
#include <unordered_map>

namespace gs::expr {

namespace {

NodePtr c(double v) {
    return makeConst(v);
}
NodePtr sq(const NodePtr& u) {
    return makePow(u, c(2));
}

// d/du of the unary function `op` at u, i.e. the factor before u'.
NodePtr outer(Op op, const NodePtr& f, const NodePtr& u) {
    switch (op) {
    case Op::Sin:
        return make(Op::Cos, u);
    case Op::Cos:
        return makeNeg(make(Op::Sin, u));
    case Op::Tan:
        return makeDiv(c(1), sq(make(Op::Cos, u))); // 1/cos²u
    case Op::Asin:
        return makeDiv(c(1), make(Op::Sqrt, makeSub(c(1), sq(u)))); // 1/√(1−u²)
    case Op::Acos:
        return makeNeg(makeDiv(c(1), make(Op::Sqrt, makeSub(c(1), sq(u)))));
    case Op::Atan:
        return makeDiv(c(1), makeAdd(c(1), sq(u))); // 1/(1+u²)
    case Op::Sinh:
        return make(Op::Cosh, u);
    case Op::Cosh:
        return make(Op::Sinh, u);
    case Op::Tanh:
        return makeSub(c(1), sq(f)); // 1 − tanh²u
    case Op::Asinh:
        return makeDiv(c(1), make(Op::Sqrt, makeAdd(sq(u), c(1))));
    case Op::Acosh:
        return makeDiv(c(1), make(Op::Sqrt, makeSub(sq(u), c(1))));
    case Op::Atanh:
        return makeDiv(c(1), makeSub(c(1), sq(u)));
    case Op::Exp:
        return f;
    case Op::Log:
        return makeDiv(c(1), u);
    case Op::Log10:
        return makeDiv(c(1), makeMul(u, make(Op::Log, c(10))));
    case Op::Log2:
        return makeDiv(c(1), makeMul(u, make(Op::Log, c(2))));
    case Op::Sqrt:
        return makeDiv(c(0.5), f); // 1/(2√u)
    case Op::Cbrt:
        return makeDiv(c(1), makeMul(c(3), sq(f))); // 1/(3∛u²)
    case Op::Abs:
        return make(Op::Sign, u);
    case Op::Sign:
    case Op::Step:
        return c(0);
    case Op::Sigmoid:
        return makeMul(f, makeSub(c(1), f)); // σ(1−σ)
    case Op::Softplus:
        return make(Op::Sigmoid, u);
    case Op::Relu:
        return make(Op::Step, u);
    case Op::Erf: // 2/√π e^(−u²)
        return makeMul(c(2 / std::sqrt(std::numbers::pi)), make(Op::Exp, makeNeg(sq(u))));
    default:
        return nullptr;
    }
}

// One differentiation with respect to one variable: a memo from node to derivative, so a shared
// subexpression is differentiated once, and a count of the nodes built against the budget.
class Differentiator {
public:
    Differentiator(int var, std::uint64_t firstNode, std::size_t maxNodes)
        : var_(var), firstNode_(firstNode), maxNodes_(maxNodes) {}

    /// ∂f, or null past the budget. Nodes are differentiated children first, so a rule only
    /// looks its arguments' derivatives up.
    NodePtr differentiate(const NodePtr& f) {
        postOrder(std::span(&f, 1), [this](const NodePtr& n) {
            memo_.emplace(n.get(), rule(n));
            return !overBudget();
        });
        return overBudget() ? nullptr : memo_.at(f.get());
    }

    NodePtr operator()(const NodePtr& f) { return memo_.at(f.get()); }

    bool overBudget() {
        exceeded_ = exceeded_ || nodesBuilt() - firstNode_ > maxNodes_;
        return exceeded_;
    }

private:
    NodePtr rule(const NodePtr& f) {
        Differentiator& d = *this;
        switch (f->op) {
        case Op::Const:
            return c(0);
        case Op::Var:
            return c(f->var == var_ ? 1 : 0);
        case Op::Neg:
            return makeNeg(d(f->args[0]));
        case Op::Add:
            return makeAdd(d(f->args[0]), d(f->args[1]));
        case Op::Sub:
            return makeSub(d(f->args[0]), d(f->args[1]));
        default:
            break;
        }
        const NodePtr& u = f->args[0];
        if (arity(f->op) == 1) {
            const NodePtr du = d(u);
            if (isConst(du, 0)) return du;
            return makeMul(outer(f->op, f, u), du);
        }
        const NodePtr& v = f->args[1];
        const NodePtr du = d(u), dv = d(v);
        if (isConst(du, 0) && isConst(dv, 0)) return du;
        switch (f->op) {
        case Op::Mul:
            return makeAdd(makeMul(du, v), makeMul(u, dv)); // u'v + uv'
        case Op::Div:
            if (isConst(dv, 0)) return makeDiv(du, v);
            return makeDiv(makeSub(makeMul(du, v), makeMul(u, dv)), sq(v)); // (u'v − uv')/v²
        case Op::Pow:
            if (isConst(dv, 0)) // (u^c)' = c u^(c−1) u'
                return makeMul(makeMul(v, makePow(u, makeSub(v, c(1)))), du);
            if (isConst(du, 0)) // (a^v)' = a^v ln(a) v'
                return makeMul(makeMul(f, make(Op::Log, u)), dv);
            // (u^v)' = u^v (v' ln u + v u'/u)
            return makeMul(f, makeAdd(makeMul(dv, make(Op::Log, u)), makeDiv(makeMul(v, du), u)));
        case Op::Atan2: // atan2(u, v)' = (v u' − u v')/(u² + v²)
            return makeDiv(makeSub(makeMul(v, du), makeMul(u, dv)), makeAdd(sq(u), sq(v)));
        case Op::Min: // step(v − u) u' + step(u − v) v'; at a tie 0 (kink)
            return makeAdd(makeMul(make(Op::Step, makeSub(v, u)), du),
                           makeMul(make(Op::Step, makeSub(u, v)), dv));
        case Op::Max:
            return makeAdd(makeMul(make(Op::Step, makeSub(u, v)), du),
                           makeMul(make(Op::Step, makeSub(v, u)), dv));
        default:
            return c(0);
        }
    }

    int var_;
    std::uint64_t firstNode_;
    std::size_t maxNodes_;
    bool exceeded_ = false;
    std::unordered_map<const Node*, NodePtr> memo_;
};

} // namespace

NodePtr derivative(const NodePtr& f, int var, std::size_t maxNodes) {
    return Differentiator(var, nodesBuilt(), maxNodes).differentiate(f);
}

std::vector<NodePtr> gradient(const NodePtr& f, int dimension, std::size_t maxNodes) {
    const std::uint64_t first = nodesBuilt();
    std::vector<NodePtr> g;
    for (int i = 0; i < dimension; ++i) {
        const std::size_t used = static_cast<std::size_t>(nodesBuilt() - first);
        NodePtr gi = used > maxNodes ? nullptr : derivative(f, i, maxNodes - used);
        if (!gi) return {};
        g.push_back(std::move(gi));
    }
    return g;
}

std::vector<NodePtr> hessianOfGradient(const std::vector<NodePtr>& g, std::size_t maxNodes) {
    const std::uint64_t first = nodesBuilt();
    const size_t n = g.size();
    std::vector<NodePtr> h(n * n);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = i; j < n; ++j) {
            const std::size_t used = static_cast<std::size_t>(nodesBuilt() - first);
            NodePtr hij =
                used > maxNodes ? nullptr : derivative(g[i], static_cast<int>(j), maxNodes - used);
            if (!hij) return {};
            h[i * n + j] = h[j * n + i] = std::move(hij);
        }
    return h;
}

std::vector<NodePtr> hessian(const NodePtr& f, int dimension, std::size_t maxNodes) {
    const std::vector<NodePtr> g = gradient(f, dimension, maxNodes);
    if (g.empty() && dimension > 0) return {};
    return hessianOfGradient(g, maxNodes);
}

} // namespace gs::expr
