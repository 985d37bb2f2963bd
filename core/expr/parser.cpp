#include "expr/parser.h"

#include "expr/functions.h"
#include "expr/tokenizer.h"
#include "text/quote.h"

#include <algorithm>
#include <array>

namespace gs::expr {

namespace {

int editDistance(std::string_view a, std::string_view b) {
    std::vector<int> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = static_cast<int>(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        int diag = row[0];
        row[0] = static_cast<int>(i);
        for (size_t j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

// Names people use for coordinates: when one is missing from this function's variables, the
// error says so instead of "unknown name".
bool conventionalVariable(std::string_view n) {
    constexpr std::array<std::string_view, 10> names = {"x", "y", "z",  "t",  "u",
                                                        "v", "w", "x1", "x2", "x3"};
    return std::find(names.begin(), names.end(), n) != names.end();
}

std::string listVariables(const std::vector<std::string>& vars) {
    if (vars.empty()) return "no variables";
    std::string s;
    for (size_t i = 0; i < vars.size(); ++i) {
        if (i > 0) s += i + 1 == vars.size() ? " and " : ", ";
        s += vars[i];
    }
    return s;
}

class Parser {
public:
    Parser(const std::vector<Token>& tokens, const std::vector<std::string>& vars, const Limits& l)
        : toks_(tokens), vars_(vars), limits_(l) {}

    // formula := expr End
    NodePtr formula() {
        NodePtr e = expr();
        if (!e) return nullptr;
        const Token& t = peek();
        if (t.kind == TokenKind::RParen)
            return failAt(ErrorCode::UnexpectedCloseParen, t,
                          "unexpected ')' without a matching '('");
        if (t.kind != TokenKind::End)
            return failAt(ErrorCode::TrailingText, t,
                          "unexpected " + quote(t.text) + " after a complete expression");
        return e;
    }

    Error error;

private:
    const Token& peek() const { return toks_[pos_]; }
    const Token& next() { return toks_[pos_++]; }
    bool accept(TokenKind k) {
        if (peek().kind != k) return false;
        ++pos_;
        return true;
    }

    NodePtr fail(ErrorCode code, const Token& t, std::string message, int length = -1) {
        if (!error) {
            error.code = code;
            error.position = t.position;
            error.length = length >= 0 ? length : t.length;
            error.token = t.text;
            error.message = std::move(message);
        }
        return nullptr;
    }
    NodePtr failAt(ErrorCode code, const Token& t, const std::string& what) {
        return fail(code, t, what + " at column " + std::to_string(t.position + 1));
    }

    // expr := term (('+' | '-') term)*
    NodePtr expr() {
        NodePtr left = term();
        while (left && (peek().kind == TokenKind::Plus || peek().kind == TokenKind::Minus)) {
            const bool plus = next().kind == TokenKind::Plus;
            NodePtr right = term();
            if (!right) return nullptr;
            left = plus ? makeAdd(left, right) : makeSub(left, right);
        }
        return left;
    }

    // term := unary (('*' | '/') unary | power)*      the bare `power` is implicit multiplication
    NodePtr term() {
        NodePtr left = unary();
        while (left) {
            const TokenKind k = peek().kind;
            if (k == TokenKind::Star || k == TokenKind::Slash) {
                next();
                NodePtr right = unary();
                if (!right) return nullptr;
                left = k == TokenKind::Star ? makeMul(left, right) : makeDiv(left, right);
            } else if (k == TokenKind::Name || k == TokenKind::LParen) {
                NodePtr right = power();
                if (!right) return nullptr;
                left = makeMul(left, right);
            } else {
                break;
            }
        }
        return left;
    }

    // unary := ('-' | '+') unary | power
    NodePtr unary() {
        struct DepthGuard {
            int& d;
            explicit DepthGuard(int& depth) : d(++depth) {}
            ~DepthGuard() { --d; }
        } guard(depth_);
        if (depth_ > limits_.maxDepth)
            return failAt(ErrorCode::TooDeep, peek(),
                          "nesting deeper than " + std::to_string(limits_.maxDepth) + " levels");
        if (accept(TokenKind::Minus)) {
            NodePtr a = unary();
            return a ? makeNeg(a) : nullptr;
        }
        if (accept(TokenKind::Plus)) return unary();
        return power();
    }

    // power := primary ('^' unary)?        right-associative: the exponent may itself be a power
    NodePtr power() {
        NodePtr base = primary();
        if (!base || !accept(TokenKind::Caret)) return base;
        NodePtr exponent = unary();
        return exponent ? makePow(base, exponent) : nullptr;
    }

    // primary := number | name | name '(' args ')' | '(' expr ')'
    NodePtr primary() {
        const Token& t = peek();
        switch (t.kind) {
        case TokenKind::Number:
            next();
            return makeConst(t.number);
        case TokenKind::Name:
            return name();
        case TokenKind::LParen: {
            next();
            NodePtr e = expr();
            if (!e) return nullptr;
            if (!accept(TokenKind::RParen)) return missingClose(t);
            return e;
        }
        case TokenKind::RParen:
            if (depth_ <= 1 && parenDepth_ == 0)
                return failAt(ErrorCode::UnexpectedCloseParen, t,
                              "unexpected ')' without a matching '('");
            return failAt(ErrorCode::ExpectedOperand, t, "expected a value before ')'");
        case TokenKind::End:
            return failAt(ErrorCode::ExpectedOperand, t, "expected a value at the end");
        default:
            return failAt(ErrorCode::ExpectedOperand, t,
                          "expected a value but found " + quote(t.text));
        }
    }

    NodePtr missingClose(const Token& open) {
        return failAt(ErrorCode::MissingCloseParen, open, "missing ')' for the '('");
    }

    // name := variable | constant | function '(' expr (',' expr)* ')'
    NodePtr name() {
        const Token& t = next();
        const bool call = peek().kind == TokenKind::LParen;
        for (size_t i = 0; i < vars_.size(); ++i)
            if (t.text == vars_[i]) return makeVar(static_cast<int>(i));
        if (const FunctionDef* f = findFunction(t.text)) {
            if (!call)
                return fail(ErrorCode::MissingOpenParen, t,
                            "function " + quote(t.text) + " at column " +
                                std::to_string(t.position + 1) +
                                " needs its argument in parentheses, e.g. " + t.text +
                                (f->arity == 2 ? "(x, y)" : "(x)"));
            return callFunction(t, *f);
        }
        if (const ConstantDef* c = findConstant(t.text)) return makeConst(c->value);
        if (!call) {
            if (NodePtr p = splitProduct(t.text)) return p;
            if (conventionalVariable(t.text))
                return fail(ErrorCode::NotAVariable, t,
                            quote(t.text) + " is not a variable here; this function has only " +
                                listVariables(vars_));
        }
        const std::string guess = suggestName(t.text, call, vars_);
        std::string msg = std::string(call ? "unknown function " : "unknown name ") +
                          quote(t.text) + " at column " + std::to_string(t.position + 1);
        if (!guess.empty()) msg += "; did you mean '" + guess + "'?";
        fail(ErrorCode::UnknownName, t, msg);
        error.suggestion = guess;
        return nullptr;
    }

    // "xy" with variables x and y reads as x·y, as a reader of 2xy expects.
    NodePtr splitProduct(const std::string& text) const {
        NodePtr product;
        for (char c : text) {
            const auto it = std::find(vars_.begin(), vars_.end(), std::string(1, c));
            if (it == vars_.end()) return nullptr;
            NodePtr v = makeVar(static_cast<int>(it - vars_.begin()));
            product = product ? makeMul(product, v) : v;
        }
        return product;
    }

    NodePtr callFunction(const Token& t, const FunctionDef& f) {
        const Token& open = next(); // '('
        std::vector<NodePtr> args;
        ++parenDepth_;
        if (peek().kind != TokenKind::RParen) {
            do {
                NodePtr a = expr();
                if (!a) return nullptr;
                args.push_back(a);
            } while (accept(TokenKind::Comma));
        }
        --parenDepth_;
        if (!accept(TokenKind::RParen)) {
            if (peek().kind == TokenKind::End) return missingClose(open);
            return failAt(ErrorCode::ExpectedOperand, peek(),
                          "expected ',' or ')' but found " + quote(peek().text));
        }
        if (static_cast<int>(args.size()) != f.arity) {
            const Token& last = toks_[pos_ - 1];
            return fail(ErrorCode::WrongArgumentCount, t,
                        quote(t.text) + " takes " + std::to_string(f.arity) + " argument" +
                            (f.arity == 1 ? "" : "s") + " but was given " +
                            std::to_string(args.size()) + " at column " +
                            std::to_string(t.position + 1),
                        last.position + last.length - t.position);
        }
        return f.build(args[0], args.size() > 1 ? args[1] : nullptr);
    }

    const std::vector<Token>& toks_;
    const std::vector<std::string>& vars_;
    Limits limits_;
    size_t pos_ = 0;
    int depth_ = 0;
    int parenDepth_ = 0;
};

} // namespace

std::string suggestName(std::string_view name, bool call,
                        const std::vector<std::string>& variables) {
    std::string best;
    int bestDistance = 3; // suggest only within edit distance 2
    auto consider = [&](std::string_view candidate) {
        const int d = editDistance(name, candidate);
        if (d < bestDistance && d < static_cast<int>(std::max(name.size(), candidate.size()))) {
            bestDistance = d;
            best = candidate;
        }
    };
    if (call) {
        for (const FunctionDef& f : functions())
            consider(f.name);
    } else {
        for (const std::string& v : variables)
            consider(v);
        for (const ConstantDef& c : constants())
            consider(c.name);
        for (const FunctionDef& f : functions())
            consider(f.name);
    }
    return best;
}

ParseResult parse(std::string_view text, const std::vector<std::string>& variables,
                  const Limits& limits) {
    ParseResult r;
    auto fail = [&](ErrorCode code, std::string message) {
        r.error.code = code;
        r.error.message = std::move(message);
        return r;
    };
    if (static_cast<int>(text.size()) > limits.maxInputBytes)
        return fail(ErrorCode::InputTooLong, "the formula is longer than " +
                                                 std::to_string(limits.maxInputBytes) + " bytes");
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return fail(ErrorCode::EmptyInput, "the formula is empty");
    std::vector<Token> tokens;
    if (Error e = tokenize(text, tokens)) {
        r.error = std::move(e);
        return r;
    }
    Parser p(tokens, variables, limits);
    r.tree = p.formula();
    if (!r.tree) r.error = std::move(p.error);
    return r;
}

} // namespace gs::expr
