// How results are ordered: relevance (BM25, or BM25 + recency boost) or date, with ties
// always broken by date (newest first for relevance) and then id, so every page of the same
// query comes in the same order and paging neither repeats nor skips an article.
//
// The orders use sort keys stored in value slots (common/sort_keys.h) rather than a
// KeyMaker: Xapian 1.4's remote backend can sort by a value but not by a KeyMaker, and this
// way sharded and remote searches order exactly like local ones.
#pragma once

#include <xapian.h>

#include "searcher/request/search_request.h"

namespace gazette {

void apply_result_order(Xapian::Enquire& enquire, SortOrder order);

}  // namespace gazette
