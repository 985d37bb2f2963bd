// SSE2 kernels: the x86-64 baseline. SLEEF's d2 entry points pick SSE2/SSE4.1 at run time.
#include "expr/simd_math.h"

#include <immintrin.h>
#include <sleef.h>

namespace gs::expr::simd {

#define VT __m128d
#define W 2
#define LOAD _mm_loadu_pd
#define STORE _mm_storeu_pd
#define SQRT _mm_sqrt_pd
#define ISA sse2
#define SUFFIX d2
#define KERNEL applySse2
#define SINCOS_KERNEL sinCosSse2
#include "expr/simd_math_kernel.inc"

} // namespace gs::expr::simd
