#include "learn/network_kernel_isa.h"

#include <cstdlib>
#include <cstring>
#include <initializer_list>

namespace gs::learn::kernel {

bool supported(Isa isa) {
    __builtin_cpu_init();
    switch (isa) {
    case Isa::Avx512:
        return __builtin_cpu_supports("x86-64-v4");
    case Isa::Avx2:
        return __builtin_cpu_supports("x86-64-v3");
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
