// AVX2 kernels; this file alone is compiled with -mavx2 -mfma and only called when the CPU has
// them. SLEEF's d4 entry points dispatch among its AVX variants at run time.
#include "expr/simd_math.h"

#include <immintrin.h>
#include <sleef.h>

namespace gs::expr::simd {

#define VT __m256d
#define W 4
#define LOAD _mm256_loadu_pd
#define STORE _mm256_storeu_pd
#define SQRT _mm256_sqrt_pd
#define ISA avx2
#define SUFFIX d4
#define KERNEL applyAvx2
#define SINCOS_KERNEL sinCosAvx2
#include "expr/simd_math_kernel.inc"

} // namespace gs::expr::simd
