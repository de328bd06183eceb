// gazette-search's modes apart from option parsing: one query (text or --json) and a
// stream of queries (--jsonl). Each returns the exit status.
#pragma once

#include <functional>
#include <istream>
#include <ostream>

#include "searcher/engine/search.h"
#include "searcher/engine/search_session.h"

namespace gazette {

enum class OutputMode { kText, kJson };

struct SearchCommand {
    SessionOptions session;  // the databases, how they are opened and how queries run
    SearchRequest request;
    OutputMode output = OutputMode::kText;
    bool color = false;
    bool debug_query = false;
};

int run_single_search(const SearchCommand& command);

// Reads one query per line: plain query text, or a JSON object {"query", "limit", "offset"}.
// Writes one JSON object per line, in order; a failed query gives {"query", "error"}.
int run_jsonl_searches(const SearchCommand& command, std::istream& in, std::ostream& out);

// For the modes: runs `work` and returns its exit status; a damaged, truncated or unreadable
// database is reported by name (DatabaseFailure). Opening and network errors name their
// database or shard already, and pass unchanged.
int naming_databases(const SearchCommand& command, const std::function<int()>& work);

// --debug-query: the query that `request` runs, on stderr.
void print_debug_query(SearchSession& session, const SearchRequest& request);

}  // namespace gazette
