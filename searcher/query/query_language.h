// Which language a search's query words are stemmed in. One rule for every front end (the
// command line and the HTTP service), so both parse the same text into the same query.
#pragma once

#include <string>

#include "searcher/request/search_request.h"

namespace gazette {

// The language of the one `lang` filter when a search is limited to a single language (its
// articles were stemmed in that language), else `fallback`.
std::string stem_language_for(const SearchRequest& request, const std::string& fallback);

}  // namespace gazette
