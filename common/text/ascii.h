// Byte-level helpers for the ASCII parts of what we read: HTTP and WARC headers, tag and
// attribute names, dates, file extensions, format names. In those only ASCII letters and
// ASCII whitespace mean anything, and every other byte (UTF-8 included) must pass through
// unchanged. Not for article text: words are lowered with Xapian::Unicode (common/fields.cc,
// common/text/name_folding.h).
#pragma once

#include <string>
#include <string_view>

namespace gazette {

// The whitespace of those formats: space, tab, CR and LF (not form feed or vertical tab,
// which none of them treats as space). Callers that must match a protocol's own narrower
// set (HTTP's optional whitespace is space and tab) pass it to the trims below.
inline constexpr std::string_view kAsciiSpace = " \t\r\n";

// `s` without its leading (trim_start), trailing (trim_end), or leading and trailing (trim)
// bytes from `chars`. Views into `s`; nothing is copied.
std::string_view trim_start(std::string_view s, std::string_view chars = kAsciiSpace);
std::string_view trim_end(std::string_view s, std::string_view chars = kAsciiSpace);
std::string_view trim(std::string_view s, std::string_view chars = kAsciiSpace);

// `s` with A-Z turned into a-z and every other byte as it is (no locale, no Unicode).
std::string ascii_lower(std::string_view s);

}  // namespace gazette
