// AVX-512 kernels; this file alone is compiled with -mavx512f and only called when the CPU has
// it, and calls SLEEF's AVX-512F variants directly.
#include "expr/simd_math.h"

#include <immintrin.h>
#include <sleef.h>

namespace gs::expr::simd {

#define VT __m512d
#define W 8
#define LOAD _mm512_loadu_pd
#define STORE _mm512_storeu_pd
#define SQRT Sleef_sqrtd8_u05avx512f // _mm512_sqrt_pd trips a GCC 12 -Wmaybe-uninitialized
#define ISA avx512f
#define SUFFIX d8
#define KERNEL applyAvx512
#define SINCOS_KERNEL sinCosAvx512
#include "expr/simd_math_kernel.inc"

} // namespace gs::expr::simd
