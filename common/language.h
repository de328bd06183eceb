// Languages: which Snowball stemmer serves an ISO 639-1 code.
#pragma once

#include <string>
#include <string_view>

namespace gazette {

// The Snowball stemmer name Xapian knows for an ISO 639-1 code ("en" → "english"), or ""
// when Xapian 1.4 has no stemmer for that language (then words are indexed unstemmed).
std::string stemmer_name_for(std::string_view iso639_1);

// True for a syntactically plausible ISO 639-1 code: two ASCII letters.
bool is_language_code(std::string_view code);

}  // namespace gazette
