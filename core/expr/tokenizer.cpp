#include "expr/tokenizer.h"

#include "text/quote.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace gs::expr {

namespace {

bool isNameStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

struct Symbol {
    const char* utf8;
    TokenKind kind;
    const char* name; // for Name tokens (π)
};

// Multi-byte symbols the app prints and users paste back.
constexpr Symbol kSymbols[] = {
    {"\u2212", TokenKind::Minus, nullptr}, // −
    {"\u00B7", TokenKind::Star, nullptr},  // ·
    {"\u22C5", TokenKind::Star, nullptr},  // ⋅
    {"\u00D7", TokenKind::Star, nullptr},  // ×
    {"\u00F7", TokenKind::Slash, nullptr}, // ÷
    {"\u03C0", TokenKind::Name, "pi"},     // π
};

Error fail(ErrorCode code, int pos, int len, std::string token, std::string msg) {
    Error e;
    e.code = code;
    e.position = pos;
    e.length = len;
    e.token = std::move(token);
    e.message = std::move(msg) + " at column " + std::to_string(pos + 1);
    return e;
}

// Bytes of the UTF-8 sequence starting `s` (1 for a byte that starts none), so an error reports
// a whole character, not a lone byte.
int characterLength(std::string_view s) {
    const unsigned char u = static_cast<unsigned char>(s[0]);
    const int len = u >= 0xF0 && u < 0xF8 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
    if (len > static_cast<int>(s.size())) return 1;
    for (int k = 1; k < len; ++k)
        if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) return 1;
    return len;
}

// 'x' for a printable character; control characters (a NUL would cut the message wherever it
// is shown as a C string) and bytes that are not UTF-8 by their code.
std::string quoteCharacter(const std::string& c) {
    const unsigned char u = static_cast<unsigned char>(c[0]);
    char buf[32];
    if (u < 0x20 || u == 0x7F)
        std::snprintf(buf, sizeof buf, "U+%04X (a control character)", u);
    else if (u >= 0x80 && c.size() == 1)
        std::snprintf(buf, sizeof buf, "byte 0x%02X (not UTF-8)", u);
    else
        return "'" + c + "'";
    return buf;
}

} // namespace

Error tokenize(std::string_view s, std::vector<Token>& out) {
    out.clear();
    const int n = static_cast<int>(s.size());
    int i = 0;
    auto push = [&](TokenKind k, int pos, int len) {
        Token t;
        t.kind = k;
        t.position = pos;
        t.length = len;
        t.text = std::string(s.substr(pos, len));
        out.push_back(std::move(t));
    };
    while (i < n) {
        const char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) ||
            (c == '.' && i + 1 < n && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            // number := digits ['.' digits] [('e'|'E') ['+'|'-'] digits]
            int j = i;
            while (j < n && std::isdigit(static_cast<unsigned char>(s[j])))
                ++j;
            if (j < n && s[j] == '.') {
                ++j;
                while (j < n && std::isdigit(static_cast<unsigned char>(s[j])))
                    ++j;
            }
            // An exponent only if digits follow, so "2e" stays 2·e and "2exp(x)" 2·exp(x).
            if (j < n && (s[j] == 'e' || s[j] == 'E')) {
                int k = j + 1;
                if (k < n && (s[k] == '+' || s[k] == '-')) ++k;
                if (k < n && std::isdigit(static_cast<unsigned char>(s[k]))) {
                    while (k < n && std::isdigit(static_cast<unsigned char>(s[k])))
                        ++k;
                    j = k;
                }
            }
            if (j < n && s[j] == '.')
                return fail(ErrorCode::InvalidNumber, i, j + 1 - i,
                            std::string(s.substr(i, j + 1 - i)),
                            "invalid number " + quote(s.substr(i, j + 1 - i)));
            Token t;
            t.kind = TokenKind::Number;
            t.position = i;
            t.length = j - i;
            t.text = std::string(s.substr(i, j - i));
            // strtod rounds overflow to inf and underflow to 0, as IEEE arithmetic would.
            t.number = std::strtod(t.text.c_str(), nullptr);
            out.push_back(std::move(t));
            i = j;
            continue;
        }
        if (isNameStart(c)) {
            int j = i;
            while (j < n && isNameChar(s[j]))
                ++j;
            push(TokenKind::Name, i, j - i);
            i = j;
            continue;
        }
        switch (c) {
        case '+':
            push(TokenKind::Plus, i, 1);
            ++i;
            continue;
        case '-':
            push(TokenKind::Minus, i, 1);
            ++i;
            continue;
        case '*':
            if (i + 1 < n && s[i + 1] == '*') { // Python's ** for power
                push(TokenKind::Caret, i, 2);
                i += 2;
            } else {
                push(TokenKind::Star, i, 1);
                ++i;
            }
            continue;
        case '/':
            push(TokenKind::Slash, i, 1);
            ++i;
            continue;
        case '^':
            push(TokenKind::Caret, i, 1);
            ++i;
            continue;
        case '(':
            push(TokenKind::LParen, i, 1);
            ++i;
            continue;
        case ')':
            push(TokenKind::RParen, i, 1);
            ++i;
            continue;
        case ',':
            push(TokenKind::Comma, i, 1);
            ++i;
            continue;
        default:
            break;
        }
        // Superscript digits ² ³ (U+00B2, U+00B3) are "^2", "^3".
        if (i + 1 < n && static_cast<unsigned char>(c) == 0xC2 &&
            (static_cast<unsigned char>(s[i + 1]) == 0xB2 ||
             static_cast<unsigned char>(s[i + 1]) == 0xB3)) {
            push(TokenKind::Caret, i, 2);
            Token t;
            t.kind = TokenKind::Number;
            t.position = i;
            t.length = 2;
            t.number = static_cast<unsigned char>(s[i + 1]) == 0xB2 ? 2.0 : 3.0;
            t.text = std::string(s.substr(i, 2));
            out.push_back(std::move(t));
            i += 2;
            continue;
        }
        bool matched = false;
        for (const Symbol& sym : kSymbols) {
            const int len = static_cast<int>(std::strlen(sym.utf8));
            if (s.substr(i, len) == sym.utf8) {
                push(sym.kind, i, len);
                if (sym.name) out.back().text = sym.name;
                i += len;
                matched = true;
                break;
            }
        }
        if (matched) continue;
        const int len = characterLength(s.substr(i));
        const std::string tok(s.substr(i, len));
        return fail(ErrorCode::UnexpectedCharacter, i, len, tok,
                    "unexpected character " + quoteCharacter(tok));
    }
    push(TokenKind::End, n, 0);
    return {};
}

} // namespace gs::expr
