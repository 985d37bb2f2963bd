#pragma once
// The table of names a formula may call, and the constants it may use.

#include "expr/node.h"

#include <span>
#include <string_view>

namespace gs::expr {

struct FunctionDef {
    const char* name;
    int arity;
    /// Builds the tree for a call; composite functions (sec, hypot, gauss, ...) expand into
    /// primitives here, so derivative and compiler only know the primitives.
    NodePtr (*build)(const NodePtr& a, const NodePtr& b);
    const char* help; ///< e.g. "sec(x) = 1/cos(x)"
};

struct ConstantDef {
    const char* name;
    double value;
};

std::span<const FunctionDef> functions();
std::span<const ConstantDef> constants();
const FunctionDef* findFunction(std::string_view name);
const ConstantDef* findConstant(std::string_view name);

} // namespace gs::expr
