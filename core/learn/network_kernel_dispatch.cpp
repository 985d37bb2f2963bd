#include "learn/network_kernel_isa.h"

#include <cstdlib>
#include <cstring>
#include <initializer_list>

namespace gs::learn::kernel {

bool supported(Isa isa) {
    __builtin_cpu_init();
    switch (isa) {
    // The variants are built for -march=x86-64-v3 and x86-64-v4. Those level names are not
    // feature strings every compiler takes (clang 14 refuses them), so the levels are spelled out:
    // every CPU with AVX2, FMA and BMI2 also has the rest of v3 (LZCNT, MOVBE, F16C).
    case Isa::Avx512:
        return supported(Isa::Avx2) && __builtin_cpu_supports("avx512f") &&
               __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512cd") &&
               __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
    case Isa::Avx2:
        return __builtin_cpu_supports("avx") && __builtin_cpu_supports("avx2") &&
               __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi") &&
               __builtin_cpu_supports("bmi2");
    case Isa::Generic:
        break;
    }
    return true;
}

Isa best() {
    static const Isa chosen = [] {
        Isa widest = Isa::Generic;
        for (Isa isa : {Isa::Avx2, Isa::Avx512})
            if (supported(isa)) widest = isa;
        if (const char* asked = std::getenv("GRADSCAPE_LEARN_ISA"))
            for (Isa isa : {Isa::Generic, Isa::Avx2, Isa::Avx512})
                if (std::strcmp(asked, name(isa)) == 0 && isa < widest) widest = isa;
        return widest;
    }();
    return chosen;
}

const char* name(Isa isa) {
    switch (isa) {
    case Isa::Avx512:
        return "avx512";
    case Isa::Avx2:
        return "avx2";
    case Isa::Generic:
        break;
    }
    return "generic";
}

} // namespace gs::learn::kernel
