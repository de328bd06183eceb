// gazette-search's modes apart from option parsing: one query (text or --json) and a
// stream of queries (--jsonl). Each returns the exit status.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "searcher/engine/database_set.h"
#include "searcher/engine/search.h"

namespace gazette {

enum class OutputMode { kText, kJson };

struct SearchCommand {
    std::vector<std::string> db_paths;  // local paths or tcp://host:port shards
    ShardOptions shards;
    QueryOptions query_options;
    SearchRequest request;
    OutputMode output = OutputMode::kText;
    bool color = false;
    bool debug_query = false;
};

int run_single_search(const SearchCommand& command);

// Reads one query per line: plain query text, or a JSON object {"query", "limit", "offset"}.
// Writes one JSON object per line, in order; a failed query gives {"query", "error"}.
int run_jsonl_searches(const SearchCommand& command, std::istream& in, std::ostream& out);

}  // namespace gazette
