#pragma once
// A formula as the parser reads it: a tree of nodes in TeX's terms (atoms with a class that
// decides the spacing between them, fractions, scripts, radicals, accents, fenced groups, big
// operators with limits). The layout (math_layout.h) turns it into boxes; nothing here knows about
// fonts or sizes. No well-kept C++/Qt library typesets TeX for QPainter, so this is our own, in
// matplotlib mathtext's three layers: parse, boxes, draw.

#include <QString>

#include <memory>
#include <variant>
#include <vector>

namespace gs::app::math {

/// The class of an atom, as TeX has them: it decides the space around it.
enum class Atom {
    Ord,   ///< a variable, a digit, a symbol
    Op,    ///< a function name or a big operator (sin, lim, ∑)
    Bin,   ///< a binary operator (+ − · ⊙ ×)
    Rel,   ///< a relation (= < → ≤ ≈)
    Open,  ///< ( [
    Close, ///< ) ]
    Punct, ///< , ;
    Inner  ///< a fraction or a fenced group
};

enum class Kind {
    Row,     ///< children side by side
    Symbol,  ///< text of one atom
    Frac,    ///< children: numerator, denominator
    Scripts, ///< children: base, subscript (or null), superscript (or null)
    Sqrt,    ///< children: body
    Accent,  ///< children: body; text: "vec", "hat", "bar", "tilde", "dot"
    Fenced,  ///< children: body; text: left delimiter, extra: right delimiter ("" for none)
    Space,   ///< amount: in em
    BigOp,   ///< text: the symbol ("∑", "lim"); limits: above and below in display style
    Style    ///< children: body; display: true for \displaystyle, false for \textstyle
};

struct Node;
using NodePtr = std::shared_ptr<const Node>;

struct Node {
    Kind kind = Kind::Row;
    Atom atom = Atom::Ord;
    QString text;
    QString extra;
    bool italic = false; ///< a variable (a Latin or lowercase Greek letter)
    bool limits = false; ///< BigOp: limits above and below in display style
    bool display = false;
    double amount = 0;
    std::vector<NodePtr> children;
};

/// Where the source stops making sense, and why.
struct ParseError {
    int position = 0; ///< 0-based index into the source
    QString message;
    /// "column 7: \frac needs two arguments" (1-based, as people count).
    QString text() const;
};

/// Parses a TeX subset: letters, digits and symbols; `^` and `_` with one character or a group;
/// `{…}`; \frac, \sqrt, \vec, \hat, \bar, \tilde, \dot, \left … \right, \mathrm, \text,
/// \displaystyle, \textstyle, spacing (\, \: \; \! \quad \qquad), Greek letters, \nabla, \partial,
/// \cdot, \odot, \times, \pm, \to, \le, \ge, \ne, \approx, \infty, \in, \|, \sum, \prod, \int,
/// \lim, and function names (\sin, \cos, \log, \exp, \max, \min, …).
std::variant<NodePtr, ParseError> parseMath(const QString& tex);

} // namespace gs::app::math
