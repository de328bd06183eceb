// A stemmer that remembers its answers. Xapian's MSet::snippet stems every word of a hit's
// text that is not a query word outright, so ten snippets stem thousands of words, mostly the
// same ones again: after the proximity fix that was a quarter of a news search's instructions
// (docs/benchmarks.md). Like the QueryParser it serves, it belongs to one QueryBuilder and is
// used by one thread at a time.
#pragma once

#include <xapian.h>

#include <string>

namespace gazette {

// `stemmer` (empty: no stemming) with a memory of up to `max_words` words, forgotten all
// at once when full, so it stays bounded.
Xapian::Stem cached_stemmer(const Xapian::Stem& stemmer, std::size_t max_words = 50000);

}  // namespace gazette
