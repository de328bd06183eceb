// URL pieces: "The Harbour Ledger" → "harbour-ledger", "Müller wins in Kraków" →
// "muller-wins-in-krakow", and the article URL built from them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gazette::generator {

// Lowercase ASCII words joined by '-', at most `max_words` of them. Latin letters with
// diacritics lose them; other non-ASCII letters are dropped.
std::string slugify(std::string_view text, int max_words = 8);

// "https://<outlet_slug>.example/<yyyy>/<mm>/<slug of headline>".
std::string article_url(std::string_view outlet_slug, std::int64_t timestamp,
                        std::string_view headline);

}  // namespace gazette::generator
