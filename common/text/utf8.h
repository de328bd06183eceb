// Byte-level text checks and repairs that every reader needs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Byte offset of the first byte that breaks UTF-8, or npos when `s` is valid.
std::size_t first_invalid_utf8(std::string_view s);

// `s` without the UTF-8 byte order mark it may start with.
std::string_view without_utf8_bom(std::string_view s);

// Decodes ISO-8859-1 bytes to UTF-8 (every byte is a code point, so this cannot fail).
std::string latin1_to_utf8(std::string_view s);

// Removes C0 control characters other than tab and newline (Reuters' &#3; and friends) and
// DEL; turns carriage returns into newlines.
std::string strip_control_chars(std::string_view s);

}  // namespace gazette
