#pragma once
// Printing trees for people. Plain text parses back to the same function
// ("25 cos(x) - 2x", "x^2 y", "3(x + 1)"); rich text is an HTML fragment for a QLabel with a real
// minus sign, superscript powers and π ("25 cos(x) − 2x", "x<sup>2</sup>").

#include "expr/node.h"

#include <string>
#include <vector>

namespace gs::expr {

enum class TextStyle { Plain, Rich };

std::string toText(const NodePtr& tree, const std::vector<std::string>& variables,
                   TextStyle style = TextStyle::Plain);

/// Shortest text that reads back as exactly `v` ("2", "0.5", "1e-10"); pi and e by name.
std::string formatNumber(double v, TextStyle style = TextStyle::Plain);

} // namespace gs::expr
