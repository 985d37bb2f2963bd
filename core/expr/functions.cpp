#include "expr/functions.h"

#include <limits>
#include <numbers>

namespace gs::expr {

namespace {

template <Op op> NodePtr prim(const NodePtr& a, const NodePtr& b) {
    return make(op, a, arity(op) == 2 ? b : nullptr);
}

NodePtr sec(const NodePtr& a, const NodePtr&) {
    return makeDiv(makeConst(1), make(Op::Cos, a));
}
NodePtr csc(const NodePtr& a, const NodePtr&) {
    return makeDiv(makeConst(1), make(Op::Sin, a));
}
NodePtr cot(const NodePtr& a, const NodePtr&) {
    return makeDiv(make(Op::Cos, a), make(Op::Sin, a));
}
NodePtr sq(const NodePtr& a, const NodePtr&) {
    return makePow(a, makeConst(2));
}
NodePtr cube(const NodePtr& a, const NodePtr&) {
    return makePow(a, makeConst(3));
}
NodePtr gauss(const NodePtr& a, const NodePtr&) { // e^(−x²)
    return make(Op::Exp, makeNeg(makePow(a, makeConst(2))));
}
NodePtr hypot(const NodePtr& a, const NodePtr& b) { // √(a² + b²)
    return make(Op::Sqrt, makeAdd(makePow(a, makeConst(2)), makePow(b, makeConst(2))));
}
NodePtr exp2(const NodePtr& a, const NodePtr&) {
    return makePow(makeConst(2), a);
}
NodePtr logBase(const NodePtr& a, const NodePtr& b) { // log(x, b) = ln x / ln b
    return makeDiv(make(Op::Log, a), make(Op::Log, b));
}

constexpr FunctionDef kFunctions[] = {
    {"sin", 1, prim<Op::Sin>, "sine"},
    {"cos", 1, prim<Op::Cos>, "cosine"},
    {"tan", 1, prim<Op::Tan>, "tangent"},
    {"sec", 1, sec, "sec(x) = 1/cos(x)"},
    {"csc", 1, csc, "csc(x) = 1/sin(x)"},
    {"cot", 1, cot, "cot(x) = cos(x)/sin(x)"},
    {"asin", 1, prim<Op::Asin>, "inverse sine"},
    {"acos", 1, prim<Op::Acos>, "inverse cosine"},
    {"atan", 1, prim<Op::Atan>, "inverse tangent"},
    {"arcsin", 1, prim<Op::Asin>, "inverse sine"},
    {"arccos", 1, prim<Op::Acos>, "inverse cosine"},
    {"arctan", 1, prim<Op::Atan>, "inverse tangent"},
    {"atan2", 2, prim<Op::Atan2>, "atan2(y, x): angle of the point (x, y)"},
    {"sinh", 1, prim<Op::Sinh>, "hyperbolic sine"},
    {"cosh", 1, prim<Op::Cosh>, "hyperbolic cosine"},
    {"tanh", 1, prim<Op::Tanh>, "hyperbolic tangent"},
    {"asinh", 1, prim<Op::Asinh>, "inverse hyperbolic sine"},
    {"acosh", 1, prim<Op::Acosh>, "inverse hyperbolic cosine"},
    {"atanh", 1, prim<Op::Atanh>, "inverse hyperbolic tangent"},
    {"exp", 1, prim<Op::Exp>, "e^x"},
    {"exp2", 1, exp2, "2^x"},
    {"log", 1, prim<Op::Log>, "natural logarithm"},
    {"ln", 1, prim<Op::Log>, "natural logarithm"},
    {"log10", 1, prim<Op::Log10>, "base-10 logarithm"},
    {"log2", 1, prim<Op::Log2>, "base-2 logarithm"},
    {"logb", 2, logBase, "logb(x, b) = ln(x)/ln(b)"},
    {"sqrt", 1, prim<Op::Sqrt>, "square root"},
    {"cbrt", 1, prim<Op::Cbrt>, "cube root"},
    {"sq", 1, sq, "sq(x) = x^2"},
    {"cube", 1, cube, "cube(x) = x^3"},
    {"abs", 1, prim<Op::Abs>, "absolute value"},
    {"sign", 1, prim<Op::Sign>, "−1, 0 or 1"},
    {"step", 1, prim<Op::Step>, "Heaviside step: 1 for x > 0, else 0"},
    {"heaviside", 1, prim<Op::Step>, "Heaviside step: 1 for x > 0, else 0"},
    {"min", 2, prim<Op::Min>, "smaller of two"},
    {"max", 2, prim<Op::Max>, "larger of two"},
    {"pow", 2, prim<Op::Pow>, "pow(a, b) = a^b"},
    {"hypot", 2, hypot, "hypot(a, b) = sqrt(a^2 + b^2)"},
    {"sigmoid", 1, prim<Op::Sigmoid>, "logistic 1/(1 + e^−x)"},
    {"softplus", 1, prim<Op::Softplus>, "ln(1 + e^x)"},
    {"relu", 1, prim<Op::Relu>, "max(x, 0)"},
    {"erf", 1, prim<Op::Erf>, "error function"},
    {"gauss", 1, gauss, "gauss(x) = e^(−x^2)"},
};

constexpr ConstantDef kConstants[] = {
    {"pi", std::numbers::pi},
    {"e", std::numbers::e},
    {"tau", 2 * std::numbers::pi},
    {"inf", std::numeric_limits<double>::infinity()}, // how an overflowed number prints
};

} // namespace

std::span<const FunctionDef> functions() {
    return kFunctions;
}
std::span<const ConstantDef> constants() {
    return kConstants;
}

const FunctionDef* findFunction(std::string_view name) {
    for (const FunctionDef& f : kFunctions)
        if (name == f.name) return &f;
    return nullptr;
}

const ConstantDef* findConstant(std::string_view name) {
    for (const ConstantDef& c : kConstants)
        if (name == c.name) return &c;
    return nullptr;
}

} // namespace gs::expr
