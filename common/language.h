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

// The ISO 639-1 code of a language tag as pages and feeds write them: "fr-FR", "fr_FR", "FR"
// → "fr"; "" for anything that is not one.
std::string language_code_of_tag(std::string_view tag);

}  // namespace gazette
