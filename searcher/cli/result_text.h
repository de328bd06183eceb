// Search results as text for people: gazette-search without --json.
#pragma once

#include <ostream>
#include <string>

#include "searcher/engine/search.h"

namespace gazette {

// Ranked results for a person: aligned, with highlighted terms when `color` is set.
void print_results_text(std::ostream& out, const SearchResults& results, bool color);

// The snippet for a terminal: HTML entities decoded, <mark> turned into ANSI highlighting
// (color) or dropped (plain).
std::string snippet_for_terminal(const std::string& html_snippet, bool color);

}  // namespace gazette
