#include "text/quote.h"

#include <cstdint>
#include <cstdio>

namespace gs {

namespace {

/// The code point of the UTF-8 sequence at `s[i]` and its length in bytes; length 0 for a byte
/// that does not start a valid, shortest-form sequence.
struct Decoded {
    std::uint32_t code = 0;
    std::size_t length = 0;
};

Decoded decode(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    std::uint32_t code = 0;
    std::uint32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, code = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, code = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, code = lead & 0x07, minimum = 0x10000;
    } else {
        return {};
    }
    if (i + length > s.size()) return {};
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {};
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {};
    return {code, length};
}

/// Characters that would break the line or reorder what a reader sees.
bool invisible(std::uint32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

std::string hex(const char* format, unsigned value) {
    char text[16];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

} // namespace

std::string quote(std::string_view value, std::size_t maxChars) {
    std::string out = "'";
    std::size_t chars = 0;
    std::size_t i = 0;
    while (i < value.size() && chars < maxChars) {
        const Decoded d = decode(value, i);
        ++chars;
        if (d.length == 0) {
            out += hex("\\x%02X", static_cast<unsigned char>(value[i]));
            ++i;
            continue;
        }
        switch (d.code) {
        case '\\':
            out += "\\\\";
            break;
        case '\'':
            out += "\\'";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (invisible(d.code))
                out += hex("\\u{%04X}", d.code);
            else
                out.append(value.substr(i, d.length));
        }
        i += d.length;
    }
    if (i < value.size()) return out + "…' (" + std::to_string(value.size()) + " bytes)";
    return out + "'";
}

} // namespace gs
