#pragma once
// The property the expression fuzzer checks, shared with the Qt regression test that replays
// every input that ever failed: a formula is parsed, differentiated twice, compiled, evaluated
// and printed, and every printed text parses back to the very same node (nodes are hash-consed,
// so "the same function" is pointer equality) — or each stage ends in a clean error.

#include <string>
#include <string_view>

namespace gs::test {

/// Empty when `formula` passes; else what went wrong, for a person.
std::string checkFormulaRoundTrip(std::string_view formula);

} // namespace gs::test
