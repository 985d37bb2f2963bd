#include "math/math_node.h"

#include <QHash>

#include <string>

namespace gs::app::math {

namespace {

constexpr int kMaxDepth = 64;    // nesting of groups, fractions and scripts
constexpr int kMaxLength = 4096; // a formula is a line, not a book

struct Failure {
    int position;
    QString message;
};

struct SymbolInfo {
    QString text;
    Atom atom = Atom::Ord;
    bool italic = false;
};

const QHash<QString, SymbolInfo>& symbols() {
    static const QHash<QString, SymbolInfo> table = [] {
        QHash<QString, SymbolInfo> t;
        const char* const lowerGreek[][2] = {
            {"alpha", "α"},      {"beta", "β"},   {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ϵ"},
            {"varepsilon", "ε"}, {"zeta", "ζ"},   {"eta", "η"},   {"theta", "θ"}, {"iota", "ι"},
            {"kappa", "κ"},      {"lambda", "λ"}, {"mu", "μ"},    {"nu", "ν"},    {"xi", "ξ"},
            {"pi", "π"},         {"rho", "ρ"},    {"sigma", "σ"}, {"tau", "τ"},   {"upsilon", "υ"},
            {"phi", "ϕ"},        {"varphi", "φ"}, {"chi", "χ"},   {"psi", "ψ"},   {"omega", "ω"}};
        for (const auto& g : lowerGreek)
            t.insert(QString::fromLatin1(g[0]), {QString::fromUtf8(g[1]), Atom::Ord, true});
        const char* const upperGreek[][2] = {
            {"Gamma", "Γ"}, {"Delta", "Δ"}, {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"},
            {"Pi", "Π"},    {"Sigma", "Σ"}, {"Phi", "Φ"},   {"Psi", "Ψ"},    {"Omega", "Ω"}};
        for (const auto& g : upperGreek)
            t.insert(QString::fromLatin1(g[0]), {QString::fromUtf8(g[1]), Atom::Ord, false});
        const struct {
            const char* name;
            const char* text;
            Atom atom;
        } others[] = {{"nabla", "∇", Atom::Ord},      {"partial", "∂", Atom::Ord},
                      {"infty", "∞", Atom::Ord},      {"ell", "ℓ", Atom::Ord},
                      {"cdot", "·", Atom::Bin},       {"odot", "⊙", Atom::Bin},
                      {"times", "×", Atom::Bin},      {"pm", "±", Atom::Bin},
                      {"circ", "∘", Atom::Bin},       {"to", "→", Atom::Rel},
                      {"rightarrow", "→", Atom::Rel}, {"leftarrow", "←", Atom::Rel},
                      {"mapsto", "↦", Atom::Rel},     {"le", "≤", Atom::Rel},
                      {"leq", "≤", Atom::Rel},        {"ge", "≥", Atom::Rel},
                      {"geq", "≥", Atom::Rel},        {"ne", "≠", Atom::Rel},
                      {"neq", "≠", Atom::Rel},        {"approx", "≈", Atom::Rel},
                      {"sim", "∼", Atom::Rel},        {"in", "∈", Atom::Rel},
                      {"equiv", "≡", Atom::Rel},      {"propto", "∝", Atom::Rel},
                      {"ldots", "…", Atom::Ord},      {"cdots", "⋯", Atom::Ord},
                      {"|", "‖", Atom::Ord},          {"{", "{", Atom::Open},
                      {"}", "}", Atom::Close},        {"langle", "⟨", Atom::Open},
                      {"rangle", "⟩", Atom::Close},   {"prime", "′", Atom::Ord},
                      {"%", "%", Atom::Ord},          {"$", "$", Atom::Ord}};
        for (const auto& o : others)
            t.insert(QString::fromLatin1(o.name), {QString::fromUtf8(o.text), o.atom, false});
        return t;
    }();
    return table;
}

/// Names printed upright as operators; the ones in `limitNames` take limits below in display.
const QStringList kFunctions = {
    QStringLiteral("sin"),  QStringLiteral("cos"),    QStringLiteral("tan"),
    QStringLiteral("log"),  QStringLiteral("ln"),     QStringLiteral("exp"),
    QStringLiteral("tanh"), QStringLiteral("sinh"),   QStringLiteral("cosh"),
    QStringLiteral("arg"),  QStringLiteral("det"),    QStringLiteral("max"),
    QStringLiteral("min"),  QStringLiteral("lim"),    QStringLiteral("sup"),
    QStringLiteral("inf"),  QStringLiteral("argmin"), QStringLiteral("argmax")};
const QStringList kLimitNames = {
    QStringLiteral("max"), QStringLiteral("min"),    QStringLiteral("lim"),   QStringLiteral("sup"),
    QStringLiteral("inf"), QStringLiteral("argmin"), QStringLiteral("argmax")};

const QHash<QString, double>& spaces() {
    static const QHash<QString, double> t = {
        {QStringLiteral(","), 3.0 / 18}, {QStringLiteral(":"), 4.0 / 18},
        {QStringLiteral(";"), 5.0 / 18}, {QStringLiteral("!"), -3.0 / 18},
        {QStringLiteral(" "), 6.0 / 18}, {QStringLiteral("quad"), 1.0},
        {QStringLiteral("qquad"), 2.0}};
    return t;
}

/// 𝔼, ℝ, ℕ: the double-struck capitals (ℂ ℍ ℕ ℙ ℚ ℝ ℤ live in the Letterlike block).
QString doubleStruck(const QString& text) {
    QString out;
    for (const QChar c : text) {
        static const QHash<QChar, QString> letterlike = {
            {u'C', QStringLiteral("ℂ")}, {u'H', QStringLiteral("ℍ")}, {u'N', QStringLiteral("ℕ")},
            {u'P', QStringLiteral("ℙ")}, {u'Q', QStringLiteral("ℚ")}, {u'R', QStringLiteral("ℝ")},
            {u'Z', QStringLiteral("ℤ")}};
        if (letterlike.contains(c))
            out += letterlike.value(c);
        else if (c >= u'A' && c <= u'Z')
            out += QString::fromUcs4(
                std::u32string(1, char32_t(0x1D538 + (c.unicode() - 'A'))).data(), 1);
        else
            out += c;
    }
    return out;
}

NodePtr make(Node n) {
    return std::make_shared<const Node>(std::move(n));
}

NodePtr symbol(const QString& text, Atom atom, bool italic = false) {
    Node n;
    n.kind = Kind::Symbol;
    n.text = text;
    n.atom = atom;
    n.italic = italic;
    return make(std::move(n));
}

class Parser {
public:
    explicit Parser(const QString& s) : s_(s) {}

    NodePtr parse() {
        if (s_.size() > kMaxLength)
            throw Failure{kMaxLength,
                          QStringLiteral("a formula is at most %1 characters").arg(kMaxLength)};
        NodePtr row = parseRow(0);
        if (i_ < s_.size()) {
            if (s_[i_] == u'}') throw Failure{i_, QStringLiteral("a '}' closes no group")};
            throw Failure{i_, QStringLiteral("\\right has no \\left")};
        }
        return row;
    }

private:
    // row := atom* — up to the end, a '}' or a \right
    NodePtr parseRow(int depth) {
        if (depth > kMaxDepth) throw Failure{i_, QStringLiteral("nested too deeply")};
        Node row;
        row.kind = Kind::Row;
        for (;;) {
            skipSpace();
            if (i_ >= s_.size() || s_[i_] == u'}' || atCommand(QStringLiteral("right"))) break;
            if (atCommand(QStringLiteral("displaystyle")) ||
                atCommand(QStringLiteral("textstyle"))) {
                // The style holds for the rest of the row.
                Node style;
                style.kind = Kind::Style;
                style.display = atCommand(QStringLiteral("displaystyle"));
                i_ += style.display ? 13 : 10;
                style.children.push_back(parseRow(depth + 1));
                row.children.push_back(make(std::move(style)));
                break;
            }
            row.children.push_back(parseAtom(depth));
        }
        return make(std::move(row));
    }

    // atom := base (('^' | '_') argument | "'")*
    NodePtr parseAtom(int depth) {
        NodePtr base = parseBase(depth);
        NodePtr sub, sup;
        for (;;) {
            skipSpace();
            if (i_ >= s_.size()) break;
            const QChar c = s_[i_];
            if (c == u'\'') { // f′: the prime glyph is raised already, so it joins the base
                if (sup || sub)
                    throw Failure{i_, QStringLiteral("a prime goes before the scripts: f'_1")};
                QString primes;
                while (i_ < s_.size() && s_[i_] == u'\'') {
                    primes += QStringLiteral("′");
                    ++i_;
                }
                Node primed;
                primed.kind = Kind::Row;
                primed.atom = base->atom;
                primed.children = {base, symbol(primes, Atom::Ord)};
                base = make(std::move(primed));
                continue;
            }
            if (c != u'^' && c != u'_') break;
            const int at = i_++;
            NodePtr& slot = c == u'^' ? sup : sub;
            if (slot)
                throw Failure{at, c == u'^' ? QStringLiteral("a second superscript; group them: "
                                                             "x^{ab}")
                                            : QStringLiteral("a second subscript; group them: "
                                                             "x_{ab}")};
            skipSpace();
            if (i_ >= s_.size())
                throw Failure{at, QStringLiteral("'%1' needs something after it").arg(c)};
            slot = parseArgument(depth + 1);
        }
        if (!sub && !sup) return base;
        Node n;
        n.kind = Kind::Scripts;
        n.atom = base->atom;
        n.children = {base, sub, sup};
        return make(std::move(n));
    }

    /// One character, one command, or a {group}: what a script or a \frac takes.
    NodePtr parseArgument(int depth) {
        skipSpace();
        if (i_ >= s_.size()) throw Failure{i_, QStringLiteral("an argument is missing")};
        if (s_[i_] == u'{') return parseGroup(depth);
        if (s_[i_] == u'}') throw Failure{i_, QStringLiteral("an argument is missing")};
        if (s_[i_] == u'^' || s_[i_] == u'_')
            throw Failure{i_, QStringLiteral("'%1' cannot start an argument").arg(s_[i_])};
        return parseBase(depth);
    }

    NodePtr parseGroup(int depth) {
        const int open = i_++;
        NodePtr row = parseRow(depth + 1);
        if (i_ >= s_.size() || s_[i_] != u'}')
            throw Failure{open, QStringLiteral("this '{' is not closed")};
        ++i_;
        return row;
    }

    NodePtr parseBase(int depth) {
        const QChar c = s_[i_];
        if (c == u'{') return parseGroup(depth);
        if (c == u'\\') return parseCommand(depth);
        if (c == u'^' || c == u'_')
            throw Failure{i_, QStringLiteral("'%1' has nothing to attach to").arg(c)};
        ++i_;
        if (c.isLetter()) return symbol(QString(c), Atom::Ord, true);
        if (c.isDigit() || c == u'.') { // a number is one atom: 0.01
            QString number(c);
            while (i_ < s_.size() && (s_[i_].isDigit() || s_[i_] == u'.'))
                number += s_[i_++];
            return symbol(number, Atom::Ord);
        }
        switch (c.unicode()) {
        case '+':
        case '*':
            return symbol(c == u'*' ? QStringLiteral("∗") : QString(c), Atom::Bin);
        case '-':
            return symbol(QStringLiteral("−"), Atom::Bin);
        case '=':
        case '<':
        case '>':
            return symbol(QString(c), Atom::Rel);
        case '(':
        case '[':
            return symbol(QString(c), Atom::Open);
        case ')':
        case ']':
            return symbol(QString(c), Atom::Close);
        case ',':
        case ';':
            return symbol(QString(c), Atom::Punct);
        case '$':
        case '&':
        case '#':
        case '%':
            throw Failure{i_ - 1,
                          QStringLiteral("'%1' is not part of a formula; write \\%1").arg(c)};
        default:
            // Anything else (already Unicode: ∇, ∂, ², …) stands for itself.
            return symbol(QString(c), Atom::Ord, false);
        }
    }

    QString commandName() {
        // \name is letters; \, \; \| \{ … are one character.
        const int start = ++i_;
        if (i_ >= s_.size()) throw Failure{start - 1, QStringLiteral("a '\\' ends the formula")};
        if (!s_[i_].isLetter()) return QString(s_[i_++]);
        while (i_ < s_.size() && s_[i_].isLetter())
            ++i_;
        return s_.mid(start, i_ - start);
    }

    NodePtr parseCommand(int depth) {
        const int at = i_;
        const QString name = commandName();
        if (name == QLatin1String("frac") || name == QLatin1String("dfrac") ||
            name == QLatin1String("tfrac")) {
            Node n;
            n.kind = Kind::Frac;
            n.atom = Atom::Inner;
            n.children.push_back(argumentOf(at, name, depth));
            n.children.push_back(argumentOf(at, name, depth));
            if (name == QLatin1String("frac")) return make(std::move(n));
            Node style; // \dfrac is a display-style fraction anywhere, \tfrac a text-style one
            style.kind = Kind::Style;
            style.display = name == QLatin1String("dfrac");
            style.children.push_back(make(std::move(n)));
            return make(std::move(style));
        }
        if (name == QLatin1String("sqrt")) {
            Node n;
            n.kind = Kind::Sqrt;
            n.children.push_back(argumentOf(at, name, depth));
            return make(std::move(n));
        }
        static const QStringList accents = {QStringLiteral("vec"), QStringLiteral("hat"),
                                            QStringLiteral("bar"), QStringLiteral("tilde"),
                                            QStringLiteral("dot"), QStringLiteral("overline")};
        if (accents.contains(name)) {
            Node n;
            n.kind = Kind::Accent;
            n.text = name == QLatin1String("overline") ? QStringLiteral("bar") : name;
            n.children.push_back(argumentOf(at, name, depth));
            return make(std::move(n));
        }
        if (name == QLatin1String("left")) return parseFenced(at, depth);
        if (name == QLatin1String("mathrm") || name == QLatin1String("operatorname") ||
            name == QLatin1String("text") || name == QLatin1String("mathbf") ||
            name == QLatin1String("mathbb")) {
            skipSpace();
            if (i_ >= s_.size() || s_[i_] != u'{')
                throw Failure{at, QStringLiteral("\\%1 needs a {group}").arg(name)};
            const int open = i_++;
            const int close = int(s_.indexOf(u'}', i_));
            if (close < 0) throw Failure{open, QStringLiteral("this '{' is not closed")};
            QString text = s_.mid(i_, close - i_);
            if (name == QLatin1String("mathbb")) text = doubleStruck(text);
            i_ = close + 1;
            Node n;
            n.kind = Kind::Symbol;
            n.text = text;
            n.atom = name == QLatin1String("operatorname") ? Atom::Op : Atom::Ord;
            n.extra = name == QLatin1String("mathbf") ? QStringLiteral("bold") : QString();
            return make(std::move(n));
        }
        if (spaces().contains(name)) {
            Node n;
            n.kind = Kind::Space;
            n.amount = spaces().value(name);
            return make(std::move(n));
        }
        if (name == QLatin1String("sum") || name == QLatin1String("prod") ||
            name == QLatin1String("int")) {
            Node n;
            n.kind = Kind::BigOp;
            n.atom = Atom::Op;
            n.text = name == QLatin1String("sum")    ? QStringLiteral("∑")
                     : name == QLatin1String("prod") ? QStringLiteral("∏")
                                                     : QStringLiteral("∫");
            n.limits = name != QLatin1String("int");
            return make(std::move(n));
        }
        if (kFunctions.contains(name)) {
            Node n;
            n.kind = Kind::BigOp;
            n.atom = Atom::Op;
            n.text = name == QLatin1String("argmin")   ? QStringLiteral("arg min")
                     : name == QLatin1String("argmax") ? QStringLiteral("arg max")
                                                       : name;
            n.limits = kLimitNames.contains(name);
            n.extra = QStringLiteral("name");
            return make(std::move(n));
        }
        if (const auto it = symbols().find(name); it != symbols().end())
            return symbol(it->text, it->atom, it->italic);
        if (name == QLatin1String("right"))
            throw Failure{at, QStringLiteral("\\right has no \\left")};
        throw Failure{at, QStringLiteral("unknown command \\%1").arg(name)};
    }

    NodePtr argumentOf(int at, const QString& name, int depth) {
        skipSpace();
        if (i_ >= s_.size() || s_[i_] == u'}')
            throw Failure{at,
                          name == QLatin1String("sqrt")
                              ? QStringLiteral("\\sqrt needs an argument")
                              : QStringLiteral("\\%1 needs two arguments: \\%1{a}{b}").arg(name)};
        return parseArgument(depth + 1);
    }

    /// The delimiter after \left or \right: ( ) [ ] \{ \} | \| or '.' for none.
    QString delimiter(int at, const QString& which) {
        skipSpace();
        if (i_ >= s_.size())
            throw Failure{at, QStringLiteral("\\%1 needs a delimiter such as ( or |").arg(which)};
        const QChar c = s_[i_];
        if (c == u'\\') {
            const int here = i_;
            const QString name = commandName();
            if (name == QLatin1String("{") || name == QLatin1String("}")) return name;
            if (name == QLatin1String("|")) return QStringLiteral("‖");
            if (name == QLatin1String("langle")) return QStringLiteral("⟨");
            if (name == QLatin1String("rangle")) return QStringLiteral("⟩");
            throw Failure{here, QStringLiteral("\\%1 cannot be a delimiter").arg(name)};
        }
        static const QString kDelimiters = QStringLiteral("()[]|.");
        if (!kDelimiters.contains(c))
            throw Failure{i_, QStringLiteral("'%1' cannot be a delimiter").arg(c)};
        ++i_;
        return c == u'.' ? QString() : QString(c);
    }

    NodePtr parseFenced(int at, int depth) {
        Node n;
        n.kind = Kind::Fenced;
        n.atom = Atom::Inner;
        n.text = delimiter(at, QStringLiteral("left"));
        n.children.push_back(parseRow(depth + 1));
        if (!atCommand(QStringLiteral("right")))
            throw Failure{at, QStringLiteral("\\left has no \\right")};
        const int right = i_;
        i_ += 6;
        n.extra = delimiter(right, QStringLiteral("right"));
        return make(std::move(n));
    }

    bool atCommand(const QString& name) const {
        if (i_ >= s_.size() || s_[i_] != u'\\' || !s_.mid(i_ + 1).startsWith(name)) return false;
        const int end = i_ + 1 + int(name.size());
        return end >= s_.size() || !s_[end].isLetter();
    }

    void skipSpace() {
        while (i_ < s_.size() && s_[i_].isSpace())
            ++i_;
    }

    const QString& s_;
    int i_ = 0;
};

} // namespace

QString ParseError::text() const {
    return QStringLiteral("column %1: %2").arg(position + 1).arg(message);
}

std::variant<NodePtr, ParseError> parseMath(const QString& tex) {
    Parser parser(tex);
    try {
        return parser.parse();
    } catch (const Failure& f) {
        return ParseError{f.position, f.message};
    }
}

} // namespace gs::app::math
