// Which language a search's query words are stemmed in. One rule for every front end (the
// command line and the HTTP service), so both parse the same text into the same query.
#pragma once

#include <string>

#include "searcher/request/search_request.h"

namespace gazette {

// The language of the one `lang` filter when a search is limited to a single language (its
// articles were stemmed in that language), else `fallback`.
std::string stem_language_for(const SearchRequest& request, const std::string& fallback);

// Throws UsageError unless `language` is an ISO 639-1 code: a stemming language comes from
// users (--stem-lang, a lang filter), and each one gets a Searcher of its own.
void check_stem_language(const std::string& language);

}  // namespace gazette
