#include "expr/simd_math.h"

namespace gs::expr::simd {

namespace {

using Kernel = void (*)(Fn, const double*, const double*, double*, int);
using SinCosKernel = void (*)(const double*, double*, double*, int);

struct Choice {
    Kernel kernel;
    SinCosKernel sinCos;
    const char* name;
};

Choice choose() {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return {applyAvx512, sinCosAvx512, "avx512"};
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return {applyAvx2, sinCosAvx2, "avx2"};
    return {applySse2, sinCosSse2, "sse2"};
}

const Choice& chosen() {
    static const Choice c = choose();
    return c;
}

} // namespace

void apply(Fn f, const double* a, const double* b, double* out, int n) {
    chosen().kernel(f, a, b, out, n);
}

void applySinCos(const double* a, double* s, double* c, int n) {
    chosen().sinCos(a, s, c, n);
}

const char* isa() {
    return chosen().name;
}

} // namespace gs::expr::simd
