// A guess at the language of a text from its function words, for pages that do not say
// which language they are in (no <html lang>, no Content-Language). The stemmer depends on
// it: a French page stemmed as English cannot be found by a French query.
#pragma once

#include <string>
#include <string_view>

namespace gazette {

// ISO 639-1 code ("fr") when one of en, fr, de, es, it, pt, nl clearly dominates the first
// few thousand words of `text`; "" when the text is too short or the evidence is mixed.
std::string guess_language(std::string_view text);

}  // namespace gazette
