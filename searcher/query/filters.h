// Filters as a Xapian boolean query applied with OP_FILTER: they narrow the match inside
// Xapian and never change a score.
#pragma once

#include <xapian.h>

#include "searcher/query/value_ranges.h"
#include "searcher/request/search_request.h"

namespace gazette {

// `query` filtered by `filters`. An empty query with filters matches everything the filters
// allow (browsing a source or a date range); with no filters the query is returned as is.
// The date range, if any, is made by `ranges` when given (value_ranges.h).
Xapian::Query apply_filters(const Xapian::Query& query, const Filters& filters,
                            ValueRanges* ranges = nullptr);

// The filters alone, as the right side of apply_filters's OP_FILTER (empty with none), and
// `query` under a filter made so: one filter for several queries of one request.
Xapian::Query filter_of(const Filters& filters, ValueRanges* ranges = nullptr);
Xapian::Query filtered_by(const Xapian::Query& query, const Xapian::Query& filter);

}  // namespace gazette
