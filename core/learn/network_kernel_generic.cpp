// The network passes for generic x86-64 (SSE2), compiled with the project's flags like every
// other file, so Eigen keeps its own name here (see network_kernel_pass.inc).
#include <Eigen/Core>

#include "learn/network_kernel_isa.h"

#define GS_KERNEL_RUN runGeneric
#include "learn/network_kernel_pass.inc"
