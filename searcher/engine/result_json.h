// Search results as JSON: what --json, --jsonl and the HTTP API answer.
#pragma once

#include <string>

#include "searcher/engine/search.h"

namespace gazette {

// One JSON object on one line: {"query", "parsed", "estimated_total", ..., "results", "took_ms"}.
std::string results_to_json(const SearchResults& results);

// {"query": ..., "error": ...} for a query that could not be answered.
std::string error_to_json(const std::string& query, const std::string& message);

}  // namespace gazette
