#include "expr/interval.h"

#include "expr/scalar_ops.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

namespace gs::expr {

namespace {

// Every bound of every step stays within this, so no evaluator's own rounding can overflow
// where this walk did not.
constexpr double kLargest = 1e300;
// sin and cos are bounded by 1 everywhere, but their arguments are trusted only where SLEEF
// reduces them accurately.
constexpr double kTrigArgument = 1e14;

// Rounding is monotone: where x ≤ x', fl(x + y) ≤ fl(x' + y), and likewise for −, ×, ÷. So
// bounds computed in the evaluators' own arithmetic (the same operations on the same doubles;
// the programs' fused Lin2/Lin3 round like the separate operations) bound what the evaluators
// compute, and need no widening. exact() takes such bounds; it only refuses what is not finite
// and ordered or lies beyond kLargest.
Interval exact(double lo, double hi) {
    if (!(lo <= hi) || !(std::abs(lo) <= kLargest) || !(std::abs(hi) <= kLargest))
        return Interval::unknown();
    return Interval::of(lo, hi);
}

// Bounds of a function the evaluators take from a library (SLEEF in blocks, the C library at a
// point), which may differ from the one used here by a few ulp: widened by 1e-13 relative
// (about 450 ulp) and a tiny absolute margin.
Interval rounded(double lo, double hi) {
    const Interval r = exact(lo, hi);
    if (!r.known) return r;
    constexpr double rel = 1e-13, tiny = 1e-300;
    return Interval::of(lo - rel * std::abs(lo) - tiny, hi + rel * std::abs(hi) + tiny);
}

// A monotone library function's image of [a.lo, a.hi].
template <class F> Interval increasing(const Interval& a, F f) {
    return rounded(f(a.lo), f(a.hi));
}

Interval times(const Interval& a, const Interval& b) {
    const double p[] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
    return exact(*std::min_element(p, p + 4), *std::max_element(p, p + 4));
}

Interval divide(const Interval& a, const Interval& b) {
    if (!(b.lo > 0 || b.hi < 0)) return Interval::unknown(); // holds 0
    const double q[] = {a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi};
    return exact(*std::min_element(q, q + 4), *std::max_element(q, q + 4));
}

// a^k for an integer k, |k| ≤ 64 (beyond that, unknown: it is rarely bounded anyway). a² is
// a·a in the evaluators (exact bounds); other powers go through pow (rounded bounds).
Interval integerPower(const Interval& a, double k) {
    if (std::abs(k) > 64) return Interval::unknown();
    if (k == 2) {
        const double lo = a.lo * a.lo, hi = a.hi * a.hi;
        if (a.lo >= 0) return exact(lo, hi);
        if (a.hi <= 0) return exact(hi, lo);
        return exact(0, std::max(lo, hi));
    }
    const Interval one = exact(1, 1);
    if (k < 0) { // pow(a, −n): 1/aⁿ to within the library's rounding
        const Interval positive = integerPower(a, -k);
        const Interval r = positive.known ? divide(one, positive) : positive;
        return r.known ? rounded(r.lo, r.hi) : r;
    }
    const auto n = static_cast<int>(k);
    if (n == 0) return one;
    const double lo = std::pow(a.lo, n), hi = std::pow(a.hi, n);
    if (n % 2 == 1 || a.lo >= 0) return rounded(lo, hi);
    if (a.hi <= 0) return rounded(hi, lo);
    return rounded(0, std::max(lo, hi)); // an even power over a range holding 0
}

Interval power(const Interval& a, const NodePtr& exponent, const Interval& e) {
    if (exponent->op != Op::Const || !e.known) return Interval::unknown();
    const double k = exponent->value;
    if (k == std::trunc(k)) return integerPower(a, k);
    if (!(a.lo > 0)) return Interval::unknown(); // a fractional power of 0 or less
    return k > 0 ? increasing(a, [k](double v) { return std::pow(v, k); })
                 : rounded(std::pow(a.hi, k), std::pow(a.lo, k));
}

Interval unary(Op op, const Interval& a) {
    constexpr double pi = std::numbers::pi;
    switch (op) {
    case Op::Neg:
        return exact(-a.hi, -a.lo);
    case Op::Sin:
    case Op::Cos:
        return a.within(kTrigArgument) ? rounded(-1, 1) : Interval::unknown();
    case Op::Tanh:
    case Op::Erf:
    case Op::Sign:
        return rounded(-1, 1);
    case Op::Step:
    case Op::Sigmoid:
        return rounded(0, 1);
    case Op::Atan:
        return rounded(-pi / 2, pi / 2);
    case Op::Asin:
        return a.lo >= -1 && a.hi <= 1 ? rounded(-pi / 2, pi / 2) : Interval::unknown();
    case Op::Acos:
        return a.lo >= -1 && a.hi <= 1 ? rounded(0, pi) : Interval::unknown();
    case Op::Exp:
        return increasing(a, [](double v) { return std::exp(v); });
    case Op::Sinh:
        return increasing(a, [](double v) { return std::sinh(v); });
    case Op::Cosh: {
        const double top = std::cosh(std::max(std::abs(a.lo), std::abs(a.hi)));
        return rounded(a.lo <= 0 && a.hi >= 0 ? 1.0
                                              : std::cosh(std::min(std::abs(a.lo), std::abs(a.hi))),
                       top);
    }
    case Op::Asinh:
        return increasing(a, [](double v) { return std::asinh(v); });
    case Op::Acosh:
        return a.lo >= 1 ? increasing(a, [](double v) { return std::acosh(v); })
                         : Interval::unknown();
    case Op::Atanh:
        return a.lo > -1 && a.hi < 1 ? increasing(a, [](double v) { return std::atanh(v); })
                                     : Interval::unknown();
    case Op::Log:
    case Op::Log10:
    case Op::Log2:
        return a.lo > 0 ? increasing(a, [op](double v) { return applyOp(op, v, 0); })
                        : Interval::unknown();
    case Op::Sqrt:
        return a.lo >= 0 ? increasing(a, [](double v) { return std::sqrt(v); })
                         : Interval::unknown();
    case Op::Cbrt:
        return increasing(a, [](double v) { return std::cbrt(v); });
    case Op::Abs:
        if (a.lo >= 0) return exact(a.lo, a.hi);
        if (a.hi <= 0) return exact(-a.hi, -a.lo);
        return exact(0, std::max(-a.lo, a.hi));
    case Op::Relu:
        return exact(std::max(a.lo, 0.0), std::max(a.hi, 0.0));
    case Op::Softplus:
        return increasing(a, [](double v) { return softplus(v); });
    default: // tan, and what only compiled programs hold
        return Interval::unknown();
    }
}

Interval binary(const NodePtr& n, const Interval& a, const Interval& b) {
    switch (n->op) {
    case Op::Add:
        return exact(a.lo + b.lo, a.hi + b.hi);
    case Op::Sub:
        return exact(a.lo - b.hi, a.hi - b.lo);
    case Op::Mul:
        return times(a, b);
    case Op::Div:
        return divide(a, b);
    case Op::Pow:
        return power(a, n->args[1], b);
    case Op::Atan2:
        return rounded(-std::numbers::pi, std::numbers::pi);
    case Op::Min:
        return exact(std::min(a.lo, b.lo), std::min(a.hi, b.hi));
    case Op::Max:
        return exact(std::max(a.lo, b.lo), std::max(a.hi, b.hi));
    default:
        return Interval::unknown();
    }
}

} // namespace

Interval enclose(const NodePtr& root, std::span<const Interval> variables) {
    std::unordered_map<const Node*, Interval> range;
    const NodePtr roots[] = {root};
    postOrder(roots, [&](const NodePtr& n) {
        Interval r;
        if (n->op == Op::Const) {
            r = std::isfinite(n->value) ? exact(n->value, n->value) : Interval::unknown();
        } else if (n->op == Op::Var) {
            const auto i = static_cast<std::size_t>(n->var);
            r = i < variables.size() && variables[i].known ? exact(variables[i].lo, variables[i].hi)
                                                           : Interval::unknown();
        } else {
            const Interval a = range.at(n->args[0].get());
            const Interval b = n->args.size() > 1 ? range.at(n->args[1].get()) : Interval{};
            if (!a.known || (n->args.size() > 1 && !b.known))
                r = Interval::unknown();
            else
                r = n->args.size() > 1 ? binary(n, a, b) : unary(n->op, a);
        }
        range[n.get()] = r;
        return r.known; // one unknown part leaves the whole unknown: stop there
    });
    return range.count(root.get()) ? range[root.get()] : Interval::unknown();
}

} // namespace gs::expr
