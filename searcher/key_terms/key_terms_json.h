// Key terms in the JSON answers (search and timeline): one definition for both.
#pragma once

#include <nlohmann/json.hpp>

#include "searcher/key_terms/key_terms.h"

namespace gazette {

// {"terms": [{"term", "score", "sample_docs", "background_docs"}...], "sample_size",
//  "background_size"}
nlohmann::json key_terms_to_json(const KeyTermList& list);

}  // namespace gazette
