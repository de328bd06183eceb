// Search results as JSON (--json, --jsonl, and later the HTTP API) and as text for people.
#pragma once

#include <ostream>
#include <string>

#include "searcher/search.h"

namespace gazette {

// One JSON object on one line: {"query", "parsed", "estimated_total", ..., "results", "took_ms"}.
std::string results_to_json(const SearchResults& results);

// {"query": ..., "error": ...} for a query that could not be answered.
std::string error_to_json(const std::string& query, const std::string& message);

// Ranked results for a person: aligned, with highlighted terms when `color` is set.
void print_results_text(std::ostream& out, const SearchResults& results, bool color);

// The snippet for a terminal: HTML entities decoded, <mark> turned into ANSI highlighting
// (color) or dropped (plain).
std::string snippet_for_terminal(const std::string& html_snippet, bool color);

}  // namespace gazette
