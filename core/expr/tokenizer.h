#pragma once
// Tokenizer: UTF-8 text to tokens. Accepts the symbols the app displays: − (minus), · and ×
// (times), ÷, ² and ³ (powers), π.

#include "expr/error.h"

#include <string>
#include <string_view>
#include <vector>

namespace gs::expr {

enum class TokenKind { Number, Name, Plus, Minus, Star, Slash, Caret, LParen, RParen, Comma, End };

struct Token {
    TokenKind kind = TokenKind::End;
    int position = 0; ///< 0-based byte offset
    int length = 0;   ///< bytes in the source
    double number = 0.0;
    std::string text; ///< Name: the identifier; others: the source text
};

/// Splits `text` into tokens ending with an End token. Superscripts ² and ³ become "^ 2" and
/// "^ 3". On failure returns the error and leaves `out` partial.
Error tokenize(std::string_view text, std::vector<Token>& out);

} // namespace gs::expr
