// Stop words the query parser drops from free-text queries (never from phrases).
#pragma once

#include <xapian.h>

#include <memory>

namespace gazette {

// A stopper with common English function words. Stop words are still indexed, so phrase
// searches such as "the prime minister" keep working; they are only left out of plain
// queries, where BM25 gives them next to no weight anyway but they cost posting-list reads.
std::unique_ptr<Xapian::Stopper> make_english_stopper();

}  // namespace gazette
