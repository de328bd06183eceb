// The document sets of frequent terms, kept between queries of one database revision: a
// broad query's words ("the", "oil", a source's filter term) recur from query to query, and
// reading a posting list of a hundred thousand entries costs more than the rest of a facet
// count. Rare terms are read each time (cheap), frequent ones are kept, least recently used
// first out, within a memory budget. The owner (a Searcher) lives for one revision only: the
// session drops it when it reopens, so no set of an older revision is ever served.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>

#include "searcher/engine/match_set/doc_set.h"

namespace gazette {

class TermSets {
  public:
    // Terms in fewer documents than this are read each time, never kept.
    static constexpr Xapian::doccount kKeptFrom = 2000;

    TermSets(Xapian::Database db, std::size_t budget_bytes);

    // The documents indexed by `term` ("" = all documents).
    std::shared_ptr<const DocSet> of(const std::string& term);

    std::size_t memory_bytes() const { return used_; }

  private:
    struct Kept {
        std::shared_ptr<const DocSet> set;
        std::size_t bytes;
        std::list<std::string>::iterator age;  // in used_order_
    };
    Xapian::Database db_;
    std::size_t budget_;
    std::size_t used_ = 0;
    std::unordered_map<std::string, Kept> kept_;
    std::list<std::string> used_order_;  // most recently used first
};

}  // namespace gazette
