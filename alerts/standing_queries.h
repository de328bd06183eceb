// The standing queries of gazette-index --alerts: a JSON Lines file of
// {"name": ..., "query": ..., <filters and options as in a --jsonl search object>}.
// A line that cannot be used (bad JSON, no name or query, a repeated name, an unknown
// option, a query that does not parse) is reported with its line number and left out; the
// others still run.
#pragma once

#include <string>
#include <vector>

#include "searcher/request/search_request.h"

namespace gazette {

struct StandingQuery {
    std::string name;
    std::size_t line = 0;
    SearchRequest request;
};

struct StandingQueryFile {
    std::vector<StandingQuery> queries;
    std::vector<std::string> problems;  // "FILE:LINE: message", in line order
};

// Throws UsageError when the file cannot be read.
StandingQueryFile read_standing_queries(const std::string& path);

}  // namespace gazette
