// How results are ordered: relevance (BM25, or BM25 + recency boost) or date, with ties
// always broken by date (newest first for relevance) and then id, so every page of the same
// query comes in the same order and paging neither repeats nor skips an article.
#pragma once

#include <xapian.h>

#include <memory>

#include "searcher/search_request.h"

namespace gazette {

class ResultOrder {
public:
    explicit ResultOrder(SortOrder order);
    ~ResultOrder();
    // The key maker must outlive the enquire's get_mset, so this object keeps it.
    void apply(Xapian::Enquire& enquire) const;

private:
    SortOrder order_;
    std::unique_ptr<Xapian::MultiValueKeyMaker> keys_;
};

}  // namespace gazette
