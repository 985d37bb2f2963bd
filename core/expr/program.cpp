#include "expr/program.h"

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

// sin(u) and cos(u) in one program become one SinCos instruction (b = the cos register), at the
// earlier of the two places; both only need u, which is computed before either. Value numbering
// leaves at most one sin and one cos per register, so one pass with a table is enough.
void fuseSinCos(std::vector<Program::Instruction>& code) {
    std::unordered_map<std::int32_t, size_t> firstOfPair; // argument register → sin or cos
    std::vector<bool> fused(code.size(), false);
    for (size_t j = 0; j < code.size(); ++j) {
        if (code[j].op != Op::Sin && code[j].op != Op::Cos) continue;
        const auto [it, first] = firstOfPair.try_emplace(code[j].a, j);
        if (first) continue;
        Program::Instruction& i = code[it->second];
        if (i.op == code[j].op) continue;
        const std::int32_t sinDst = i.op == Op::Sin ? i.dst : code[j].dst;
        const std::int32_t cosDst = i.op == Op::Sin ? code[j].dst : i.dst;
        i = {Op::SinCos, sinDst, i.a, cosDst};
        fused[j] = true;
    }
    std::vector<Program::Instruction> kept;
    kept.reserve(code.size());
    for (size_t n = 0; n < code.size(); ++n)
        if (!fused[n]) kept.push_back(code[n]);
    code.swap(kept);
}

// Linear pieces, the bulk of a gradient, in fewer instructions: c·u becomes MulC (no constant
// register read), a ± c·u whose product has no other use becomes one Axpy, and c·u ± c2·v one
// Lin2. Each rounds the products and the sum as the separate instructions did.
void fuseLinear(std::vector<Program::Instruction>& code, const std::vector<std::int32_t>& outputs,
                const std::function<bool(std::int32_t)>& isConst,
                const std::function<double(std::int32_t)>& constValue) {
    using I = Program::Instruction;
    for (I& i : code) {
        if (i.op != Op::Mul) continue;
        if (isConst(i.a))
            i = {Op::MulC, i.dst, i.b, 0, constValue(i.a)};
        else if (isConst(i.b))
            i = {Op::MulC, i.dst, i.a, 0, constValue(i.b)};
    }
    std::map<std::int32_t, int> uses;
    std::map<std::int32_t, size_t> definedAt;
    for (size_t n = 0; n < code.size(); ++n) {
        const I& i = code[n];
        definedAt[i.dst] = n;
        ++uses[i.a];
        if (arity(i.op) >= 2) ++uses[i.b];
        if (i.op == Op::SinCos) definedAt[i.b] = n;
    }
    for (std::int32_t r : outputs)
        ++uses[r];
    std::vector<bool> dead(code.size(), false);
    auto absorbable = [&](std::int32_t r) {
        const auto d = definedAt.find(r);
        return d != definedAt.end() && code[d->second].op == Op::MulC && uses[r] == 1 &&
               !dead[d->second];
    };
    for (I& i : code) {
        if (i.op != Op::Add && i.op != Op::Sub) continue;
        const double sign = i.op == Op::Add ? 1.0 : -1.0;
        if (absorbable(i.b)) { // a ± k·u
            const size_t d = definedAt[i.b];
            i = {Op::Axpy, i.dst, i.a, code[d].a, sign * code[d].k};
            dead[d] = true;
        } else if (i.op == Op::Add && absorbable(i.a)) { // k·u + b
            const size_t d = definedAt[i.a];
            i = {Op::Axpy, i.dst, i.b, code[d].a, code[d].k};
            dead[d] = true;
        } else if (absorbable(i.a)) { // k·u − b = k·u + (−1)·b, exactly
            const size_t d = definedAt[i.a];
            i = {Op::Lin2, i.dst, code[d].a, i.b, code[d].k, -1.0};
            dead[d] = true;
            continue;
        } else {
            continue;
        }
        if (absorbable(i.a)) { // (k·u) + k2·v
            const size_t d = definedAt[i.a];
            i = {Op::Lin2, i.dst, code[d].a, i.b, code[d].k, i.k};
            dead[d] = true;
        }
    }
    std::vector<I> kept;
    for (size_t n = 0; n < code.size(); ++n)
        if (!dead[n]) kept.push_back(code[n]);
    code.swap(kept);
}

// Sums of three terms in one instruction: an Add, Sub, Axpy or Lin2 (all of the form
// k·a + k2·b, where a factor ±1 is exact) one of whose terms is ±1 times another such sum with
// no other use becomes Lin3 (k·a + k2·b) + k3·c. Addition commutes and rounding to nearest is
// symmetric, so the result is bit-identical.
void fuseLinear3(std::vector<Program::Instruction>& code,
                 const std::vector<std::int32_t>& outputs) {
    using I = Program::Instruction;
    struct Form {
        std::int32_t a, b;
        double k, k2;
    };
    auto form = [](const I& i, Form& f) {
        switch (i.op) {
        case Op::Add:
            f = {i.a, i.b, 1.0, 1.0};
            return true;
        case Op::Sub:
            f = {i.a, i.b, 1.0, -1.0};
            return true;
        case Op::Axpy:
            f = {i.a, i.b, 1.0, i.k};
            return true;
        case Op::Lin2:
            f = {i.a, i.b, i.k, i.k2};
            return true;
        default:
            return false;
        }
    };
    std::map<std::int32_t, int> uses;
    std::map<std::int32_t, size_t> definedAt;
    for (size_t n = 0; n < code.size(); ++n) {
        const I& i = code[n];
        definedAt[i.dst] = n;
        if (i.op == Op::SinCos) definedAt[i.b] = n;
        ++uses[i.a];
        if (arity(i.op) >= 2) ++uses[i.b];
    }
    for (std::int32_t r : outputs)
        ++uses[r];
    std::vector<bool> dead(code.size(), false);
    // The sum defining register r, if r has no other use.
    auto inner = [&](std::int32_t r, Form& f) {
        const auto d = definedAt.find(r);
        return d != definedAt.end() && uses[r] == 1 && !dead[d->second] && form(code[d->second], f);
    };
    for (I& i : code) {
        Form outer, in;
        if (!form(i, outer)) continue;
        // outer = k·a + k2·b with the inner sum as a (then k = ±1) or b (then k2 = ±1).
        std::int32_t sum = 0, other = 0;
        double sign = 0, otherK = 0;
        if (std::abs(outer.k) == 1 && inner(outer.a, in))
            sum = outer.a, sign = outer.k, other = outer.b, otherK = outer.k2;
        else if (std::abs(outer.k2) == 1 && inner(outer.b, in))
            sum = outer.b, sign = outer.k2, other = outer.a, otherK = outer.k;
        else
            continue;
        dead[definedAt[sum]] = true;
        I fused{Op::Lin3, i.dst, in.a, in.b, sign * in.k, sign * in.k2};
        fused.c = other;
        fused.k3 = otherK;
        i = fused;
    }
    std::vector<I> kept;
    for (size_t n = 0; n < code.size(); ++n)
        if (!dead[n]) kept.push_back(code[n]);
    code.swap(kept);
}

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
