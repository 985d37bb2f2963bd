#pragma once
// Elementwise math over arrays with SLEEF's vector functions, at the widest instruction set this
// CPU offers (AVX-512, AVX2+FMA, else SSE2), chosen once at run time. One binary runs on any
// x86-64. This header includes nothing so the per-ISA sources stay free of shared inline code.

namespace gs::expr::simd {

// clang-format off
enum class Fn : int {
    Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Asinh, Acosh, Atanh,
    Exp, Log, Log10, Log2, Sqrt, Cbrt, Erf, // unary
    Atan2, Pow,                             // binary
    Count
};
// clang-format on

/// out[i] = f(a[i]) (unary) or f(a[i], b[i]) (binary) for 0 ≤ i < n. Arrays may alias.
void apply(Fn f, const double* a, const double* b, double* out, int n);

/// s[i] = sin(a[i]), c[i] = cos(a[i]) with one SLEEF sincos call per vector.
void applySinCos(const double* a, double* s, double* c, int n);

/// "avx512", "avx2" or "sse2": what apply() uses on this machine.
const char* isa();

// Per-ISA kernels, defined in simd_math_<isa>.cpp; use apply().
void applySse2(Fn f, const double* a, const double* b, double* out, int n);
void applyAvx2(Fn f, const double* a, const double* b, double* out, int n);
void applyAvx512(Fn f, const double* a, const double* b, double* out, int n);
void sinCosSse2(const double* a, double* s, double* c, int n);
void sinCosAvx2(const double* a, double* s, double* c, int n);
void sinCosAvx512(const double* a, double* s, double* c, int n);

} // namespace gs::expr::simd
