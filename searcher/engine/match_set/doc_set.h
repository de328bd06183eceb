// A set of document ids as a compressed bitmap (CRoaring, Debian libroaring-dev): what the
// match-set layer computes a query's matches as, and counts facets and days from.
#pragma once

#include <xapian.h>
#include <roaring/roaring.hh>

#include <cstdint>
#include <string>

namespace gazette {

using DocSet = Roaring;

// The documents indexed by `term` ("" = every document), read from its posting list.
DocSet doc_set_of_term(const Xapian::Database& db, const std::string& term);

// Calls visit(docids, n) for the members of `set` in ascending order, a batch at a time
// (reading a bitmap in batches is several times faster than one id at a time).
template <class Visit>
void for_each_batch(const DocSet& set, Visit&& visit) {
    constexpr std::uint32_t kBatch = 512;
    std::uint32_t ids[kBatch];
    roaring_uint32_iterator_t it;
    roaring_init_iterator(&set.roaring, &it);
    for (;;) {
        std::uint32_t n = roaring_read_uint32_iterator(&it, ids, kBatch);
        if (n == 0)
            break;
        visit(ids, n);
    }
}

}  // namespace gazette
