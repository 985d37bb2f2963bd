#include "expr/program_fuse.h"

#include <cmath>
#include <map>
#include <unordered_map>

namespace gs::expr {

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

} // namespace gs::expr
