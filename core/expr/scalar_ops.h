#pragma once
// One definition of what every operator computes on doubles, shared by constant folding, the
// point evaluator and the scalar fallbacks of the block evaluator. IEEE semantics throughout:
// log(-1) and sqrt(-1) are NaN, 1/0 is inf, NaN propagates; nothing traps.

#include "expr/node.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs::expr {

inline double sigmoid(double x) {
    // σ(x) = 1 / (1 + e^−x), written so neither branch overflows.
    if (x >= 0) return 1.0 / (1.0 + std::exp(-x));
    const double e = std::exp(x);
    return e / (1.0 + e);
}

inline double softplus(double x) {
    // log(1 + e^x) = max(x, 0) + log1p(e^−|x|)
    return std::max(x, 0.0) + std::log1p(std::exp(-std::abs(x)));
}

inline double applyOp(Op op, double a, double b) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    switch (op) {
    case Op::Const:
    case Op::Var:
        return a;
    case Op::Neg:
        return -a;
    case Op::Add:
        return a + b;
    case Op::Sub:
        return a - b;
    case Op::Mul:
        return a * b;
    case Op::Div:
        return a / b;
    case Op::Pow:
        return b == 2.0 ? a * a : std::pow(a, b);
    case Op::Sin:
        return std::sin(a);
    case Op::Cos:
        return std::cos(a);
    case Op::Tan:
        return std::tan(a);
    case Op::Asin:
        return std::asin(a);
    case Op::Acos:
        return std::acos(a);
    case Op::Atan:
        return std::atan(a);
    case Op::Sinh:
        return std::sinh(a);
    case Op::Cosh:
        return std::cosh(a);
    case Op::Tanh:
        return std::tanh(a);
    case Op::Asinh:
        return std::asinh(a);
    case Op::Acosh:
        return std::acosh(a);
    case Op::Atanh:
        return std::atanh(a);
    case Op::Exp:
        return std::exp(a);
    case Op::Log:
        return std::log(a);
    case Op::Log10:
        return std::log10(a);
    case Op::Log2:
        return std::log2(a);
    case Op::Sqrt:
        return std::sqrt(a);
    case Op::Cbrt:
        return std::cbrt(a);
    case Op::Abs:
        return std::abs(a);
    case Op::Sign:
        return a > 0 ? 1.0 : a < 0 ? -1.0 : a == 0 ? 0.0 : nan;
    case Op::Step:
        return a > 0 ? 1.0 : a <= 0 ? 0.0 : nan;
    case Op::Sigmoid:
        return sigmoid(a);
    case Op::Softplus:
        return softplus(a);
    case Op::Relu:
        return a > 0 ? a : a <= 0 ? 0.0 : nan;
    case Op::Erf:
        return std::erf(a);
    case Op::Atan2:
        return std::atan2(a, b);
    case Op::Min:
        return (a != a || b != b) ? nan : (a < b ? a : b);
    case Op::Max:
        return (a != a || b != b) ? nan : (a > b ? a : b);
    case Op::SinCos: // evaluators write both results themselves; this is the first
        return std::sin(a);
    case Op::MulC: // carry their constant in the instruction; evaluators handle them
    case Op::Axpy:
    case Op::Lin2:
    case Op::Lin3:
        return nan;
    }
    return nan;
}

} // namespace gs::expr
