// Running a query: Enquire with BM25 over one or more databases, and turning the MSet into
// plain result records (no Xapian types leak to the output code).
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "searcher/query_builder.h"

namespace gazette {

struct SearchRequest {
    std::string query;
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 10;
    bool snippets = true;  // snippets cost time per result; batch evaluations turn them off
};

struct Hit {
    Xapian::doccount rank = 0;  // 1-based, across pages
    std::string id;
    double score = 0;
    std::string title;
    std::string date;  // as indexed: YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ; "" when undated
    std::string source;
    std::string url;
    std::string snippet;  // HTML-escaped, matched terms in <mark>…</mark>
};

struct SearchResults {
    std::string query;
    std::string parsed;     // Xapian::Query::get_description()
    std::string corrected;  // "did you mean", or ""
    Xapian::doccount estimated_total = 0;
    Xapian::doccount total_lower_bound = 0;
    Xapian::doccount total_upper_bound = 0;
    std::vector<Hit> results;
    double took_ms = 0;
};

inline constexpr Xapian::doccount kMaxLimit = 1000;
inline constexpr Xapian::doccount kMaxOffset = 100000;

// Opens each path (a database directory or stub file) and searches them as one.
// Throws Xapian::DatabaseOpeningError (naming the path) when one cannot be opened, and
// UsageError for a database of another schema version.
Xapian::Database open_databases(const std::vector<std::string>& paths);

class Searcher {
  public:
    Searcher(Xapian::Database db, const QueryOptions& options);

    // Throws UsageError for a bad query or out-of-range paging.
    SearchResults search(const SearchRequest& request);

    // The parsed form of a query, for --debug-query.
    std::string describe(const std::string& query_text);

  private:
    Xapian::Database db_;
    QueryBuilder builder_;
};

}  // namespace gazette
