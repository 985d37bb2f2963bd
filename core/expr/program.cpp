#include "expr/program.h"
#include "expr/program_fuse.h"

#include "expr/scalar_ops.h"
#include "expr/simd_math.h"

#include <cmath>
#include <cstring>
#include <functional>
#include <iterator>
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

public:
    bool isConstRegister(std::int32_t r) const {
        return r != kNone && r >= numVariables_ &&
               r < numVariables_ + static_cast<std::int32_t>(constants.size());
    }
    double constValue(std::int32_t r) const { return constants[r - numVariables_]; }

private:
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
    // Children first, so emit() finds every argument's register and never recurses deeply.
    postOrder(outputs, [&c](const NodePtr& n) {
        c.emit(n);
        return true;
    });
    std::vector<std::int32_t> outs;
    for (const NodePtr& n : outputs)
        outs.push_back(c.emit(n));
    fuseSinCos(c.code_);
    fuseLinear(
        c.code_, outs, [&c](std::int32_t r) { return c.isConstRegister(r); },
        [&c](std::int32_t r) { return c.constValue(r); });
    fuseLinear3(c.code_, outs);
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
        if (i.op == Op::Lin3) i.c = place(i.c);
        p.code_.push_back(i);
    }
    for (std::int32_t r : outs)
        p.outputs_.push_back(place(r));
    p.numRegisters_ = base + c.numTemporaries;
    p.outputOf_.assign(static_cast<size_t>(p.numRegisters_), -1);
    for (int k = 0; k < p.numOutputs(); ++k) {
        const std::int32_t r = p.outputs_[static_cast<size_t>(k)];
        if (r >= base && p.outputOf_[static_cast<size_t>(r)] < 0)
            p.outputOf_[static_cast<size_t>(r)] = k;
        else
            p.copiedOutputs_.emplace_back(k, r);
    }
    std::vector<bool> read(static_cast<size_t>(p.numRegisters_), false);
    for (const Instruction& i : p.code_) {
        read[static_cast<size_t>(i.a)] = true;
        if (arity(i.op) >= 2) read[static_cast<size_t>(i.b)] = true;
        if (arity(i.op) == 3) read[static_cast<size_t>(i.c)] = true;
    }
    for (std::int32_t r : p.outputs_)
        read[static_cast<size_t>(r)] = true;
    for (std::int32_t r = numVariables; r < base; ++r)
        if (read[static_cast<size_t>(r)])
            p.constantLoads_.emplace_back(r, p.constants_[static_cast<size_t>(r - numVariables)]);
    return p;
}

// Direct threading (GCC/Clang labels as values): one indirect jump per instruction, each from
// its own site, which branch predictors follow far better than a shared switch.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
void Program::evaluate(const double* x, double* out, double* r) const {
    for (int v = 0; v < numVariables_; ++v)
        r[v] = x[v];
    for (const auto& [reg, value] : constantLoads_)
        r[reg] = value;
    // clang-format off
    static void* const table[] = {
        &&generic, &&generic,                                   // Const, Var
        &&neg, &&add, &&sub, &&mul, &&div, &&generic,           // Neg .. Pow
        &&sin, &&cos,                                           // Sin, Cos
        &&generic, &&generic, &&generic, &&generic, &&generic,  // Tan .. Sinh
        &&generic, &&generic, &&generic, &&generic, &&generic,  // Cosh .. Atanh
        &&generic, &&generic, &&generic, &&generic, &&generic,  // Exp .. Sqrt
        &&generic, &&generic, &&generic, &&generic, &&generic,  // Cbrt .. Sigmoid
        &&generic, &&generic, &&generic,                        // Softplus, Relu, Erf
        &&generic, &&generic, &&generic,                        // Atan2, Min, Max
        &&sincos, &&mulc, &&axpy, &&lin2, &&lin3,               // SinCos .. Lin3
    };
    // clang-format on
    static_assert(std::size(table) == static_cast<size_t>(Op::Lin3) + 1);
    const Instruction* i = code_.data();
    const Instruction* const end = i + code_.size();
#define GS_NEXT                                                                                    \
    if (++i == end) goto done;                                                                     \
    goto* table[static_cast<int>(i->op)]
    if (i == end) goto done;
    goto* table[static_cast<int>(i->op)];
neg:
    r[i->dst] = -r[i->a];
    GS_NEXT;
add:
    r[i->dst] = r[i->a] + r[i->b];
    GS_NEXT;
sub:
    r[i->dst] = r[i->a] - r[i->b];
    GS_NEXT;
mul:
    r[i->dst] = r[i->a] * r[i->b];
    GS_NEXT;
div:
    r[i->dst] = r[i->a] / r[i->b];
    GS_NEXT;
sin:
    r[i->dst] = std::sin(r[i->a]);
    GS_NEXT;
cos:
    r[i->dst] = std::cos(r[i->a]);
    GS_NEXT;
sincos:
    ::sincos(r[i->a], &r[i->dst], &r[i->b]);
    GS_NEXT;
mulc:
    r[i->dst] = i->k * r[i->a];
    GS_NEXT;
axpy:
    r[i->dst] = r[i->a] + i->k * r[i->b];
    GS_NEXT;
lin2:
    r[i->dst] = i->k * r[i->a] + i->k2 * r[i->b];
    GS_NEXT;
lin3:
    r[i->dst] = (i->k * r[i->a] + i->k2 * r[i->b]) + i->k3 * r[i->c];
    GS_NEXT;
generic:
    r[i->dst] = applyOp(i->op, r[i->a], r[i->b]);
    GS_NEXT;
#undef GS_NEXT
done:
    for (size_t k = 0; k < outputs_.size(); ++k)
        out[k] = r[outputs_[k]];
}
#pragma GCC diagnostic pop

// The lane loops are built for AVX-512, AVX2 and plain x86-64 and picked at load time (the rest
// of the core targets plain x86-64). Built without contraction (CMakeLists.txt), so every
// variant rounds as evaluate() does.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#endif
void Program::evaluateBlock(const double* const* x, int n, double* const* out,
                            double* scratch) const {
    // Variables are read where the caller keeps them, outputs written where it wants them.
    const auto reg = [&](std::int32_t r) {
        if (r < numVariables_) return const_cast<double*>(x[r]); // never an instruction's dst
        const std::int32_t o = outputOf_[static_cast<size_t>(r)];
        return o >= 0 ? out[o] : scratch + static_cast<size_t>(r) * kBlock;
    };
    for (const auto& [r, value] : constantLoads_) {
        double* d = reg(r);
        for (int k = 0; k < n; ++k)
            d[k] = value;
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
        case Op::MulC:
            for (int k = 0; k < n; ++k)
                d[k] = i.k * a[k];
            break;
        case Op::Axpy:
            for (int k = 0; k < n; ++k)
                d[k] = a[k] + i.k * b[k];
            break;
        case Op::Lin2:
            for (int k = 0; k < n; ++k)
                d[k] = i.k * a[k] + i.k2 * b[k];
            break;
        case Op::Lin3: {
            const double* __restrict c = reg(i.c);
            for (int k = 0; k < n; ++k)
                d[k] = (i.k * a[k] + i.k2 * b[k]) + i.k3 * c[k];
            break;
        }
        case Op::SinCos:
            simd::applySinCos(a, d, reg(i.b), n);
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
    for (const auto& [k, r] : copiedOutputs_)
        std::memcpy(out[k], reg(r), n * sizeof(double));
}

} // namespace gs::expr
