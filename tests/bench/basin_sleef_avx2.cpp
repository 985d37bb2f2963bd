// The practical limit for bench_basin with 4-lane vectors; this file alone is compiled with
// -mavx2 -mfma, and bench_basin calls it only when the CPU has both.
#include "basin_sleef.h"

#include <immintrin.h>
#include <sleef.h>

#define VT __m256d
#define W 4
#define SET1 _mm256_set1_pd
#define LOAD _mm256_loadu_pd
#define STORE _mm256_storeu_pd
#define FMADD _mm256_fmadd_pd
#define MUL _mm256_mul_pd
#define ADD _mm256_add_pd
#define SIN35 Sleef_sind4_u35avx2
#define COS35 Sleef_cosd4_u35avx2
#define SIN10 Sleef_sind4_u10avx2
#define COS10 Sleef_cosd4_u10avx2
#define KERNEL sleefDescentAvx2
#define SUB _mm256_sub_pd
#define MAX _mm256_max_pd
#define ABS(v) _mm256_andnot_pd(_mm256_set1_pd(-0.0), v)
#define SINCOS35 Sleef_sincosd4_u35avx2
#define ANY_BAD(largest, bound, u, w)                                                              \
    (_mm256_movemask_pd(_mm256_or_pd(_mm256_cmp_pd(largest, bound, _CMP_GT_OQ),                    \
                                     _mm256_cmp_pd(u, w, _CMP_UNORD_Q))) != 0)
#define CHECKED_KERNEL sleefCheckedDescentAvx2
#include "basin_sleef_kernel.inc"
