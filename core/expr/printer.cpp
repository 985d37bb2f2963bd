#include "expr/printer.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <numbers>
#include <unordered_map>

namespace gs::expr {

namespace {

// Binding strength of what a node prints as; a child weaker than its slot needs parentheses.
enum Prec { kSum = 1, kProduct = 2, kUnary = 3, kPower = 4, kAtom = 5 };

int precedence(const NodePtr& n) {
    switch (n->op) {
    case Op::Const: // "2pi" is a product: x/(2pi), x^(2pi)
        return std::abs(n->value) == 2 * std::numbers::pi ? kProduct
               : n->value < 0                             ? kUnary
                                                          : kAtom;
    case Op::Var:
        return kAtom;
    case Op::Add:
    case Op::Sub:
        return kSum;
    case Op::Mul:
    case Op::Div:
    case Op::Neg:
        return kProduct;
    case Op::Pow:
        return kPower;
    default:
        return kAtom;
    }
}

// Each distinct node's text is built once (memoized), from its children's; the first text past
// the budget stops the printer.
class Printer {
public:
    Printer(const std::vector<std::string>& vars, TextStyle style, std::size_t maxBytes)
        : vars_(vars), style_(style), maxBytes_(maxBytes) {}

    std::string print(const NodePtr& n, int slot) {
        if (tooLong) return {};
        const std::string& s = memoBody(n);
        if (precedence(n) >= slot) return s;
        return tex() ? "\\left(" + s + "\\right)" : "(" + s + ")";
    }

    /// Builds the text of `n` from its children's, which must be built already (see toText).
    bool build(const NodePtr& n) {
        memoBody(n);
        return !tooLong;
    }

    bool tooLong = false;

private:
    const std::string& memoBody(const NodePtr& n) {
        if (const auto it = memo_.find(n.get()); it != memo_.end()) return it->second;
        std::string s = body(n);
        if (s.size() + 2 > maxBytes_) {
            tooLong = true;
            s.clear();
        }
        keep_.push_back(n); // product() prints nodes it builds; keep their addresses unique
        return memo_.emplace(n.get(), std::move(s)).first->second;
    }

    bool rich() const { return style_ == TextStyle::Rich; }
    bool tex() const { return style_ == TextStyle::TeX; }
    std::string minus() const { return rich() ? "\u2212" : "-"; }

    /// A function applied in TeX: \sin(x), \sqrt{x}, \left|x\right|, \operatorname{atan2}(y, x);
    /// parentheses that grow around a fraction.
    std::string texCall(Op op, const std::vector<NodePtr>& a) {
        std::string args;
        for (size_t i = 0; i < a.size(); ++i)
            args += (i ? ", " : "") + print(a[i], 0);
        if (op == Op::Sqrt) return "\\sqrt{" + args + "}";
        if (op == Op::Abs) return "\\left|" + args + "\\right|";
        static const std::unordered_map<std::string, std::string> known = {
            {"sin", "\\sin"},   {"cos", "\\cos"},   {"tan", "\\tan"},
            {"sinh", "\\sinh"}, {"cosh", "\\cosh"}, {"tanh", "\\tanh"},
            {"exp", "\\exp"},   {"ln", "\\ln"},     {"log", "\\log"}};
        const std::string name = functionName(op);
        const auto it = known.find(name);
        const std::string head = it != known.end() ? it->second : "\\operatorname{" + name + "}";
        const bool tall = args.find("\\frac") != std::string::npos;
        return head + (tall ? "\\left(" + args + "\\right)" : "(" + args + ")");
    }

    std::string body(const NodePtr& n) {
        const auto& a = n->args;
        switch (n->op) {
        case Op::Const: {
            const std::string s = formatNumber(std::abs(n->value), style_);
            return n->value < 0 ? minus() + s : s;
        }
        case Op::Var:
            return n->var >= 0 && n->var < int(vars_.size()) ? vars_[n->var] : "?";
        case Op::Add:
            // Sums read left to right: a + (b + c) keeps its parentheses.
            return print(a[0], kSum) + " + " + print(a[1], kProduct);
        case Op::Sub:
            return print(a[0], kSum) + " " + minus() + " " + print(a[1], kProduct);
        case Op::Neg:
            return minus() + print(a[0], negatedSlot(a[0]));
        case Op::Mul:
            return product(a[0], a[1]);
        case Op::Div:
            if (tex()) return "\\frac{" + print(a[0], 0) + "}{" + print(a[1], 0) + "}";
            return print(a[0], kProduct) + "/" + print(a[1], kUnary);
        case Op::Pow:
            if (rich()) return print(a[0], kAtom) + "<sup>" + print(a[1], 0) + "</sup>";
            if (tex()) return print(a[0], kAtom) + "^{" + print(a[1], 0) + "}";
            return print(a[0], kAtom) + "^" + print(a[1], kPower);
        default:
            break;
        }
        if (tex()) return texCall(n->op, a);
        std::string s = rich() && n->op == Op::Sqrt ? "\u221A" : functionName(n->op);
        s += "(";
        for (size_t i = 0; i < a.size(); ++i)
            s += (i ? ", " : "") + print(a[i], 0);
        return s + ")";
    }

    // Whether a product or quotient chain (x y/z), read back after a number or a minus sign,
    // rebuilds the same node. It does not when its first factor or a constant divisor meets the
    // number or sign: the builders fold numbers into a leading number (2 · 1/3 → 0.667,
    // 2 y/8 → 0.25 y) and a sign into a leading number or difference, so such chains keep their
    // parentheses: 2 (y/8/s), -(2/x), -((a - b) c).
    static bool chainReadsBack(const NodePtr& u) {
        const Node* lead = u.get();
        while (lead->op == Op::Mul || lead->op == Op::Div) {
            if (lead->op == Op::Div && isConst(lead->args[1])) return false;
            lead = lead->args[0].get();
        }
        return lead->op != Op::Const && lead->op != Op::Sub && lead->op != Op::Neg;
    }

    static int negatedSlot(const NodePtr& u) {
        const bool chain = u->op == Op::Mul || u->op == Op::Div;
        return !chain || chainReadsBack(u) ? kProduct : kPower;
    }

    // 2x, 25 cos(x), 3(x + 1), x y; an explicit * (·) only where juxtaposition would misread.
    std::string product(const NodePtr& l, const NodePtr& r) {
        if (isConst(l) && l->value < 0) {
            const NodePtr positive = makeConst(-l->value);
            return minus() + product(positive, r);
        }
        // Products read left to right, so u·(v·w) keeps its parentheses; after a constant they
        // may go, c·(v·w) being how the builders write (c·v)·w anyway (see chainReadsBack). A
        // signed right operand is parenthesized too: "0(-inf)", not "0 -inf".
        const std::string left = print(l, kProduct);
        // TeX is only read by people: a product on the right needs no parentheses to read back.
        std::string right =
            print(r, tex() || (isConst(l) && chainReadsBack(r)) ? kProduct : kUnary);
        if (!right.empty() && right.compare(0, minus().size(), minus()) == 0)
            right = "(" + right + ")";
        if (left.empty() || right.empty()) return {}; // past the budget
        const unsigned char first = static_cast<unsigned char>(right[0]);
        const unsigned char last = static_cast<unsigned char>(left.back());
        if (std::isdigit(first) || first == '.')
            return left + (rich() ? "\u00B7" : tex() ? " \\cdot " : "*") + right;
        const bool startsWithVariable = r->op == Op::Var ||
                                        (r->op == Op::Pow && r->args[0]->op == Op::Var) ||
                                        (r->op == Op::Mul && r->args[0]->op == Op::Var);
        if (isConst(l) && std::isdigit(last) && (startsWithVariable || right[0] == '('))
            return left + right;
        return left + " " + right;
    }

    const std::vector<std::string>& vars_;
    TextStyle style_;
    std::size_t maxBytes_;
    std::unordered_map<const Node*, std::string> memo_;
    std::vector<NodePtr> keep_;
};

} // namespace

std::string formatNumber(double v, TextStyle style) {
    if (style == TextStyle::TeX) {
        if (v == std::numbers::pi) return "\\pi";
        if (v == 2 * std::numbers::pi) return "2\\pi";
        if (std::isinf(v)) return v > 0 ? "\\infty" : "-\\infty";
        // 1e-10 as 10^{-10}, 2.5e+20 as 2.5 \cdot 10^{20}: the people's digits, raised.
        std::string s = formatNumber(v, TextStyle::Rich);
        const size_t e = s.find('e');
        if (e == std::string::npos || v == std::numbers::e) return s;
        const std::string mantissa = s.substr(0, e);
        std::string exponent = s.substr(e + 1);
        if (!exponent.empty() && exponent[0] == '+') exponent.erase(0, 1);
        return (mantissa == "1" ? "" : mantissa + " \\cdot ") + "10^{" + exponent + "}";
    }
    const bool rich = style == TextStyle::Rich;
    if (v == std::numbers::pi) return rich ? "\u03C0" : "pi";
    if (v == 2 * std::numbers::pi) return rich ? "2\u03C0" : "2pi";
    if (v == std::numbers::e) return "e";
    if (std::isinf(v)) return rich ? (v > 0 ? "\u221E" : "\u2212\u221E") : (v > 0 ? "inf" : "-inf");
    if (std::isnan(v)) return "nan";
    char buf[64];
    // Plain text must read back as the same double: the shortest exact form. Text for people
    // stops at 12 significant digits, so a folded constant such as 3 · (−2.089) reads −6.267, not
    // −6.2669999999999995.
    const auto r = rich ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 12)
                        : std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

Text toText(const NodePtr& tree, const std::vector<std::string>& variables, TextStyle style,
            std::size_t maxBytes) {
    Text t;
    if (!tree) return t;
    Printer p(variables, style, maxBytes);
    // Children first: each text is built from texts already built, without deep recursion.
    postOrder(std::span(&tree, 1), [&p](const NodePtr& n) { return p.build(n); });
    t.text = p.print(tree, 0);
    if (p.tooLong || t.text.size() > maxBytes) {
        t.text.clear();
        t.error.code = ErrorCode::TooLarge;
        t.error.message = "longer than " + std::to_string(maxBytes) + " characters";
    }
    return t;
}

} // namespace gs::expr
