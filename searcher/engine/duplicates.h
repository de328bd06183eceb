// Collapsing near-duplicates in results: one result per story (Enquire::set_collapse_key on
// the key the indexer stores, indexer/duplicate_key.h), with the number of copies folded into
// it and, on request, their ids.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "searcher/request/search_request.h"

namespace gazette {

// The most duplicate ids listed for one result (--show-duplicates).
inline constexpr Xapian::doccount kMaxDuplicateIds = 100;

// Whether the query text has words to rank by, beyond `field:value` filters and operators.
bool has_query_words(std::string_view text);

// Collapses on the near-duplicate key unless the request says collapse=false, or only lists
// what filters allow (no query words, no `like`): browsing a source or a day is an inventory,
// and shows every article.
bool collapses(const SearchRequest& request);
void apply_collapse(Xapian::Enquire& enquire, const SearchRequest& request);

struct MatchTotals {
    Xapian::doccount estimated = 0, lower_bound = 0, upper_bound = 0;
};

// Matching articles counted without collapsing, checking at least `check_at_least`: with a
// collapse key Xapian's totals (collapsed or not) are estimates even when every match is
// checked, and exact totals and facets must count articles. Costs one more pass over the
// matches (unweighted), so it is only for requests that ask for exact counts.
MatchTotals count_matches(const Xapian::Database& db, const Xapian::Query& query,
                          Xapian::doccount check_at_least);

// The ids of the other articles that match `query` and share the result's key, best first.
std::vector<std::string> duplicate_ids(const Xapian::Database& db, const Xapian::Query& query,
                                       const Xapian::MSetIterator& result);

}  // namespace gazette
