#pragma once
// Printing trees for people. Plain text parses back to the same function
// ("25 cos(x) - 2x", "x^2 y", "3(x + 1)", "x/(2pi)", "inf"); rich text is an HTML fragment for a
// QLabel with a real minus sign, superscript powers and π ("25 cos(x) − 2x", "x<sup>2</sup>");
// TeX is for the app's typesetter: fractions as fractions, powers raised
// ("\frac{x^{2}}{2x + 1}", "25 \cos(x) - 2x").
//
// A DAG can print as text exponentially longer than itself (cot(cot(cot(x))) repeats its
// argument), so printing has a budget: past `maxBytes` the result is an Error (TooLarge), found
// after at most about maxBytes² bytes of work.

#include "expr/error.h"
#include "expr/node.h"

#include <cstddef>
#include <string>
#include <vector>

namespace gs::expr {

enum class TextStyle { Plain, Rich, TeX };

/// Printed text longer than this is refused by default.
inline constexpr std::size_t kDefaultTextBytes = 8192;

/// Printed text, or an Error when longer than the budget.
struct Text {
    std::string text;
    Error error;

    bool ok() const { return !error; }
};

Text toText(const NodePtr& tree, const std::vector<std::string>& variables,
            TextStyle style = TextStyle::Plain, std::size_t maxBytes = kDefaultTextBytes);

/// Shortest text that reads back as exactly `v` ("2", "0.5", "1e-10"); pi, 2pi, e and inf by
/// name.
std::string formatNumber(double v, TextStyle style = TextStyle::Plain);

} // namespace gs::expr
