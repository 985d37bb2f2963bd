#include "expr/program.h"

#include "expr/scalar_ops.h"
#include "expr/simd_math.h"

#include <cstring>
#include <limits>
#include <map>
#include <tuple>
#include <unordered_map>

namespace gs::expr {

namespace {

constexpr std::int32_t kNone = std::numeric_limits<std::int32_t>::min(); // no second operand

// Builds a program with value numbering: an (op, a, b) seen before returns its register.
class Compiler {
public:
    explicit Compiler(int numVariables) : numVariables_(numVariables) {}

    std::int32_t emit(const NodePtr& n) {
        // Trees share subtrees (derivatives reuse their function), so memoize by node address
        // first; structural duplicates are caught by the (op, a, b) table below.
        if (auto it = byNode_.find(n.get()); it != byNode_.end()) return it->second;
        const std::int32_t r = emitUncached(n);
        byNode_.emplace(n.get(), r);
        keep_.push_back(n);
        return r;
    }

    Program::Instruction& instruction(size_t i) { return code_[i]; }

    std::vector<double> constants;
    std::vector<Program::Instruction> code_;
    int numTemporaries = 0;

private:
    std::int32_t constant(double v) {
        std::uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        if (auto it = constIndex_.find(bits); it != constIndex_.end()) return it->second;
        const std::int32_t r = numVariables_ + static_cast<std::int32_t>(constants.size());
        constants.push_back(v);
        constIndex_.emplace(bits, r);
        return r;
    }

    bool isConstRegister(std::int32_t r) const {
        return r != kNone && r >= numVariables_ &&
               r < numVariables_ + static_cast<std::int32_t>(constants.size());
    }
    double constValue(std::int32_t r) const { return constants[r - numVariables_]; }

    std::int32_t op(Op o, std::int32_t a, std::int32_t b) {
        if (isConstRegister(a) && (b == kNone || isConstRegister(b))) // fold
            return constant(applyOp(o, constValue(a), b == kNone ? 0.0 : constValue(b)));
        // Cheaper forms of common powers: u² = u·u, u^0.5 = √u, u^−1 = 1/u.
        if (o == Op::Pow && isConstRegister(b)) {
            const double p = constValue(b);
            if (p == 2) return op(Op::Mul, a, a);
            if (p == 3) return op(Op::Mul, op(Op::Mul, a, a), a);
            if (p == 0.5) return op(Op::Sqrt, a, kNone);
            if (p == -1) return op(Op::Div, constant(1), a);
        }
        if ((o == Op::Add || o == Op::Mul || o == Op::Min || o == Op::Max) && b < a)
            std::swap(a, b); // commutative: one key for a+b and b+a
        const auto key = std::make_tuple(static_cast<int>(o), a, b);
        if (auto it = table_.find(key); it != table_.end()) return it->second;
        const std::int32_t dst = -1 - numTemporaries++; // renumbered after constants are known
        code_.push_back({o, dst, a, b});
        table_.emplace(key, dst);
        return dst;
    }

    std::int32_t emitUncached(const NodePtr& n) {
        switch (n->op) {
        case Op::Const:
            return constant(n->value);
        case Op::Var:
            return n->var;
        default:
            break;
        }
        const std::int32_t a = emit(n->args[0]);
        const std::int32_t b = n->args.size() > 1 ? emit(n->args[1]) : kNone;
        return op(n->op, a, b);
    }

    int numVariables_;
    std::unordered_map<const Node*, std::int32_t> byNode_;
    std::vector<NodePtr> keep_; // keeps memoized addresses alive while compiling
    std::unordered_map<std::uint64_t, std::int32_t> constIndex_;
    std::map<std::tuple<int, std::int32_t, std::int32_t>, std::int32_t> table_;
};

simd::Fn vectorFunction(Op op, bool& ok) {
    ok = true;
    switch (op) {
    case Op::Sin:
        return simd::Fn::Sin;
    case Op::Cos:
        return simd::Fn::Cos;
    case Op::Tan:
        return simd::Fn::Tan;
    case Op::Asin:
        return simd::Fn::Asin;
    case Op::Acos:
        return simd::Fn::Acos;
    case Op::Atan:
        return simd::Fn::Atan;
    case Op::Sinh:
        return simd::Fn::Sinh;
    case Op::Cosh:
        return simd::Fn::Cosh;
    case Op::Tanh:
        return simd::Fn::Tanh;
    case Op::Asinh:
        return simd::Fn::Asinh;
    case Op::Acosh:
        return simd::Fn::Acosh;
    case Op::Atanh:
        return simd::Fn::Atanh;
    case Op::Exp:
        return simd::Fn::Exp;
    case Op::Log:
        return simd::Fn::Log;
    case Op::Log10:
        return simd::Fn::Log10;
    case Op::Log2:
        return simd::Fn::Log2;
    case Op::Sqrt:
        return simd::Fn::Sqrt;
    case Op::Cbrt:
        return simd::Fn::Cbrt;
    case Op::Erf:
        return simd::Fn::Erf;
    case Op::Atan2:
        return simd::Fn::Atan2;
    case Op::Pow:
        return simd::Fn::Pow;
    default:
        ok = false;
        return simd::Fn::Count;
    }
}

} // namespace

Program Program::compile(const std::vector<NodePtr>& outputs, int numVariables) {
    Compiler c(numVariables);
    std::vector<std::int32_t> outs;
    for (const NodePtr& n : outputs)
        outs.push_back(c.emit(n));
    Program p;
    p.numVariables_ = numVariables;
    p.constants_ = c.constants;
    // Temporaries were numbered −1, −2, ... before the number of constants was known.
    const std::int32_t base = numVariables + static_cast<std::int32_t>(c.constants.size());
    auto place = [base](std::int32_t r) { return r < 0 ? base + (-1 - r) : r; };
    for (Instruction i : c.code_) {
        i.dst = place(i.dst);
        i.a = place(i.a);
        i.b = i.b == kNone ? 0 : place(i.b); // unary ops read register 0 harmlessly
        p.code_.push_back(i);
    }
    for (std::int32_t r : outs)
        p.outputs_.push_back(place(r));
    p.numRegisters_ = base + c.numTemporaries;
    return p;
}

void Program::evaluate(const double* x, double* out, double* r) const {
    for (int v = 0; v < numVariables_; ++v)
        r[v] = x[v];
    std::memcpy(r + numVariables_, constants_.data(), constants_.size() * sizeof(double));
    for (const Instruction& i : code_) {
        const double a = r[i.a], b = r[i.b];
        double y;
        switch (i.op) { // the hot arithmetic inline; everything else through applyOp
        case Op::Add:
            y = a + b;
            break;
        case Op::Sub:
            y = a - b;
            break;
        case Op::Mul:
            y = a * b;
            break;
        case Op::Div:
            y = a / b;
            break;
        case Op::Neg:
            y = -a;
            break;
        case Op::Sin:
            y = std::sin(a);
            break;
        case Op::Cos:
            y = std::cos(a);
            break;
        default:
            y = applyOp(i.op, a, b);
            break;
        }
        r[i.dst] = y;
    }
    for (size_t k = 0; k < outputs_.size(); ++k)
        out[k] = r[outputs_[k]];
}

void Program::evaluateBlock(const double* const* x, int n, double* const* out,
                            double* scratch) const {
    const auto reg = [scratch](std::int32_t r) {
        return scratch + static_cast<size_t>(r) * kBlock;
    };
    for (int v = 0; v < numVariables_; ++v)
        std::memcpy(reg(v), x[v], n * sizeof(double));
    for (size_t c = 0; c < constants_.size(); ++c) {
        double* d = reg(numVariables_ + static_cast<std::int32_t>(c));
        for (int k = 0; k < n; ++k)
            d[k] = constants_[c];
    }
    for (const Instruction& i : code_) {
        const double* __restrict a = reg(i.a);
        const double* __restrict b = reg(i.b);
        double* __restrict d = reg(i.dst);
        switch (i.op) {
        case Op::Add:
            for (int k = 0; k < n; ++k)
                d[k] = a[k] + b[k];
            break;
        case Op::Sub:
            for (int k = 0; k < n; ++k)
                d[k] = a[k] - b[k];
            break;
        case Op::Mul:
            for (int k = 0; k < n; ++k)
                d[k] = a[k] * b[k];
            break;
        case Op::Div:
            for (int k = 0; k < n; ++k)
                d[k] = a[k] / b[k];
            break;
        case Op::Neg:
            for (int k = 0; k < n; ++k)
                d[k] = -a[k];
            break;
        default: {
            bool vectorized = false;
            const simd::Fn f = vectorFunction(i.op, vectorized);
            if (vectorized) {
                simd::apply(f, a, arity(i.op) == 2 ? b : nullptr, d, n);
            } else {
                for (int k = 0; k < n; ++k)
                    d[k] = applyOp(i.op, a[k], b[k]);
            }
        }
        }
    }
    for (size_t k = 0; k < outputs_.size(); ++k)
        std::memcpy(out[k], reg(outputs_[k]), n * sizeof(double));
}

} // namespace gs::expr
