// The network passes for x86-64-v3 (AVX2, FMA); this file alone is compiled with
// -march=x86-64-v3 and only called when the CPU has it (network_kernel_dispatch.cpp).
// Eigen is renamed before its first inclusion so that none of its instantiations here can stand
// in for the generic ones at link time, nor the reverse (see network_kernel_pass.inc).
#define Eigen Eigen_avx2
#include <Eigen/Core>

#include "learn/network_kernel_isa.h"

#define GS_KERNEL_RUN runAvx2
#include "learn/network_kernel_pass.inc"
