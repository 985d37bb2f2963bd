#pragma once
// How a message quotes a value somebody else wrote: a name read from a scene file, a typed token,
// a file name. The value is shown as a short prefix in single quotes with every control character
// escaped, so a 3 MB name, or one holding a newline, still gives one short line on stderr or in a
// dialog.

#include <cstddef>
#include <string>
#include <string_view>

namespace gs {

/// How many characters of a value a message shows.
inline constexpr std::size_t kQuotedChars = 40;

/// 'name' for a short value. A longer one shows its first `maxChars` characters (UTF-8 code
/// points, never half of one) and its size: 'aaaa…' (3145728 bytes). Backslash and the quote are
/// escaped (\\, \'), so are \n, \r and \t; other control characters, line and paragraph separators
/// and the bidirectional overrides as \u{XXXX}; bytes that are not UTF-8 as \xHH.
std::string quote(std::string_view value, std::size_t maxChars = kQuotedChars);

} // namespace gs
