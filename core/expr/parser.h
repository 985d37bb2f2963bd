#pragma once
// Parser: formula text over a declared list of variables to a syntax tree, or an Error.
//
//   parse("25 sin(x) - x^2", {"x"})            → tree
//   parse("sinn(x)", {"x"}).error.message      → "unknown function 'sinn' at column 1; did you
//                                                 mean 'sin'?"
//
// Precedence, lowest first: + − ; * / and implicit multiplication (2x, 3(x+1), x y, 2 sin(x));
// unary − + ; ^ (right-associative, so −x^2 = −(x^2) and 2^3^2 = 2^9). Implicit multiplication
// binds like *, so 1/2x = (1/2)·x.

#include "expr/error.h"
#include "expr/node.h"

#include <string>
#include <string_view>
#include <vector>

namespace gs::expr {

struct Limits {
    int maxInputBytes = 4096;
    int maxDepth = 200; ///< nesting of parentheses, calls and unary signs
};

struct ParseResult {
    NodePtr tree; ///< null on error
    Error error;

    bool ok() const { return tree != nullptr; }
};

ParseResult parse(std::string_view text, const std::vector<std::string>& variables,
                  const Limits& limits = {});

/// The closest known name within edit distance 2 (functions if `call`, else variables and
/// constants), or empty.
std::string suggestName(std::string_view name, bool call,
                        const std::vector<std::string>& variables);

} // namespace gs::expr
