// Query side of name folding (common/text/name_folding.h): every plain query word becomes
// OP_SYNONYM(its term, its folded key, the word its key spells), so "Zelenskyy" also finds
// "Zelensky", "Zelenskiy" and "Зеленский", and BM25 scores the group as one word.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "common/text/name_folding.h"
#include "searcher/query/term_frequencies.h"

namespace gazette {

// Rewrites the word leaves of `query` (plain words and their Z stems; not field-prefixed
// words, phrases, NEAR, wildcards or filters, which keep their exact meaning). Only terms
// that occur in `db` are added, so a query whose words have no variants in the database
// comes back unchanged, scores and all. `parser` must be the one that parsed `query`: its
// unstem() gives the words behind a stemmed term.
Xapian::Query expand_name_variants(const Xapian::Query& query, const Xapian::QueryParser& parser,
                                   const Xapian::Database& db, NameFolder& folder);
// The same, looking terms up in `freqs` (prefetched over remote shards).
Xapian::Query expand_name_variants(const Xapian::Query& query, const Xapian::QueryParser& parser,
                                   TermFrequencies& freqs, NameFolder& folder);

// The terms the expansion of `query` would look up, to prefetch them in one go.
std::vector<std::string> name_variant_candidates(const Xapian::Query& query,
                                                 const Xapian::QueryParser& parser,
                                                 NameFolder& folder);

}  // namespace gazette
