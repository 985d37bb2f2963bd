#include "expr/printer.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <numbers>

namespace gs::expr {

namespace {

// Binding strength of what a node prints as; a child weaker than its slot needs parentheses.
enum Prec { kSum = 1, kProduct = 2, kUnary = 3, kPower = 4, kAtom = 5 };

int precedence(const NodePtr& n) {
    switch (n->op) {
    case Op::Const:
        return n->value < 0 ? kUnary : kAtom;
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

class Printer {
public:
    Printer(const std::vector<std::string>& vars, TextStyle style) : vars_(vars), style_(style) {}

    std::string print(const NodePtr& n, int slot) {
        std::string s = body(n);
        return precedence(n) < slot ? "(" + s + ")" : s;
    }

private:
    bool rich() const { return style_ == TextStyle::Rich; }
    std::string minus() const { return rich() ? "\u2212" : "-"; }

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
            return print(a[0], kSum) + " + " + print(a[1], kSum);
        case Op::Sub:
            return print(a[0], kSum) + " " + minus() + " " + print(a[1], kProduct);
        case Op::Neg:
            return minus() + print(a[0], kProduct);
        case Op::Mul:
            return product(a[0], a[1]);
        case Op::Div:
            return print(a[0], kProduct) + "/" + print(a[1], kUnary);
        case Op::Pow:
            if (rich()) return print(a[0], kAtom) + "<sup>" + print(a[1], 0) + "</sup>";
            return print(a[0], kAtom) + "^" + print(a[1], kPower);
        default:
            break;
        }
        std::string s = rich() && n->op == Op::Sqrt ? "\u221A" : functionName(n->op);
        s += "(";
        for (size_t i = 0; i < a.size(); ++i)
            s += (i ? ", " : "") + print(a[i], 0);
        return s + ")";
    }

    // 2x, 25 cos(x), 3(x + 1), x y; an explicit * (·) only where juxtaposition would misread.
    std::string product(const NodePtr& l, const NodePtr& r) {
        if (isConst(l) && l->value < 0) {
            const NodePtr positive = makeConst(-l->value);
            return minus() + product(positive, r);
        }
        const std::string left = print(l, kProduct);
        const std::string right = print(r, kProduct);
        const unsigned char first = static_cast<unsigned char>(right[0]);
        const unsigned char last = static_cast<unsigned char>(left.back());
        if (std::isdigit(first) || first == '.') return left + (rich() ? "\u00B7" : "*") + right;
        const bool startsWithVariable = r->op == Op::Var ||
                                        (r->op == Op::Pow && r->args[0]->op == Op::Var) ||
                                        (r->op == Op::Mul && r->args[0]->op == Op::Var);
        if (isConst(l) && std::isdigit(last) && (startsWithVariable || right[0] == '('))
            return left + right;
        return left + " " + right;
    }

    const std::vector<std::string>& vars_;
    TextStyle style_;
};

} // namespace

std::string formatNumber(double v, TextStyle style) {
    const bool rich = style == TextStyle::Rich;
    if (v == std::numbers::pi) return rich ? "\u03C0" : "pi";
    if (v == 2 * std::numbers::pi) return rich ? "2\u03C0" : "2pi";
    if (v == std::numbers::e) return "e";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    if (std::isnan(v)) return "nan";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::string toText(const NodePtr& tree, const std::vector<std::string>& variables,
                   TextStyle style) {
    if (!tree) return {};
    return Printer(variables, style).print(tree, 0);
}

} // namespace gs::expr
