// The practical limit for bench_basin with 8-lane vectors; this file alone is compiled with
// -mavx512f, and bench_basin calls it only when the CPU has it.
#include "basin_sleef.h"

#include <immintrin.h>
#include <sleef.h>

#define VT __m512d
#define W 8
#define SET1 _mm512_set1_pd
#define LOAD _mm512_loadu_pd
#define STORE _mm512_storeu_pd
#define FMADD _mm512_fmadd_pd
#define MUL _mm512_mul_pd
#define ADD _mm512_add_pd
#define SIN35 Sleef_sind8_u35avx512f
#define COS35 Sleef_cosd8_u35avx512f
#define SIN10 Sleef_sind8_u10avx512f
#define COS10 Sleef_cosd8_u10avx512f
#define KERNEL sleefDescentAvx512
#define SUB _mm512_sub_pd
// maskz: plain _mm512_max_pd trips a false -Wmaybe-uninitialized in GCC 12.
#define MAX(a, b) _mm512_maskz_max_pd(0xFF, a, b)
#define ABS _mm512_abs_pd
#define SINCOS35 Sleef_sincosd8_u35avx512f
#define ANY_BAD(largest, bound, u, w)                                                              \
    ((_mm512_cmp_pd_mask(largest, bound, _CMP_GT_OQ) | _mm512_cmp_pd_mask(u, w, _CMP_UNORD_Q)) != 0)
#define CHECKED_KERNEL sleefCheckedDescentAvx512
#include "basin_sleef_kernel.inc"
