#pragma once
// Parse errors are values: a code for programs, a position and length for highlighting, and a
// message for people. Nothing in core/expr throws. Budgets (derivatives, programs, printed text)
// end in an Error too, with code TooLarge.

#include <string>

namespace gs::expr {

enum class ErrorCode {
    None,
    EmptyInput,           ///< nothing but whitespace
    InputTooLong,         ///< longer than Limits::maxInputBytes
    TooDeep,              ///< nesting deeper than Limits::maxDepth
    UnexpectedCharacter,  ///< a character that starts no token
    InvalidNumber,        ///< e.g. "1e" or "1.2.3"
    UnknownName,          ///< neither function, constant nor variable; may suggest one
    NotAVariable,         ///< a conventional variable name this dimension lacks, e.g. 'y' in 1D
    MissingOpenParen,     ///< a function name without '('
    MissingCloseParen,    ///< '(' never closed
    UnexpectedCloseParen, ///< ')' without a matching '('
    WrongArgumentCount,   ///< e.g. atan2(x)
    ExpectedOperand,      ///< an operator or ',' where a value should be
    TrailingText,         ///< a complete expression followed by more text
    TooLarge,             ///< a derivative, program or printed text past its budget
};

/// `position` is a 0-based byte offset into the UTF-8 input and `length` a byte count, so the
/// app can highlight the offending token. Messages speak in 1-based columns ("at column 1").
struct Error {
    ErrorCode code = ErrorCode::None;
    int position = 0;
    int length = 0;
    std::string message;
    std::string token;      ///< the offending text, if any
    std::string suggestion; ///< did-you-mean candidate for UnknownName, else empty

    explicit operator bool() const { return code != ErrorCode::None; }
};

} // namespace gs::expr
