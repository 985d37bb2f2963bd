// libFuzzer entry for the expression engine: every input must pass checkFormulaRoundTrip (see
// expr_round_trip.h), under address and undefined-behaviour sanitizers. Build with
// -DGRADSCAPE_FUZZ=ON and clang; .ci/run runs it on the seed corpus in corpus/.

#include "expr_round_trip.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view formula(reinterpret_cast<const char*>(data), size);
    const std::string failure = gs::test::checkFormulaRoundTrip(formula);
    if (!failure.empty()) {
        std::fprintf(stderr, "round trip failed: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
