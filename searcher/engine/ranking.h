// How results are scored: BM25's parameters and pseudo-relevance feedback (query expansion
// from the top results, RM3-like). Defaults chosen on the eight judged collections, by the
// mean over all of them (docs/benchmarks.md, "Relevance"; docs/ranking.md for users).
#pragma once

#include <xapian.h>

namespace gazette {

struct RankingOptions {
    // BM25 term-frequency saturation and length normalisation: Xapian's defaults. 1.2 and
    // 0.75 do better on average but, without the expansion, fall below plain Xapian on NPL.
    double bm25_k1 = 1.0;
    double bm25_b = 0.5;
    // Pseudo-relevance feedback: the top `expand_docs` results of the query are taken as
    // relevant and their best `expand_terms` words (Xapian's ESet) are added with OP_OR at
    // `expand_weight` times their share of the best ESet weight (RM3-like), as AND_MAYBE:
    // they reorder the query's matches and add none. 0 terms = off.
    // Off by default: it reorders results differently on sharded and remote databases (ESet
    // statistics are per shard) and costs a second search; docs/benchmarks.md has the
    // measured gain of `--bm25-k1 1.2 --bm25-b 0.75 --expand 10 --expand-weight 0.2`.
    unsigned expand_terms = 0;
    unsigned expand_docs = 10;
    double expand_weight = 0.2;
};

// Throws UsageError for parameters BM25 cannot take (negative, b above 1).
void validate_ranking(const RankingOptions& options);

Xapian::BM25Weight bm25_weight(const RankingOptions& options);

// The expansion terms found in `query`'s own top results, each scaled (OP_OR of
// OP_SCALE_WEIGHT terms); empty when expansion is off or nothing matched. Feedback comes from
// the unfiltered query so that filters never change a score.
Xapian::Query feedback_terms(const Xapian::Database& db, const Xapian::Query& query,
                             const RankingOptions& options);

// `query` AND_MAYBE its feedback_terms(): the matches stay the query's, their order changes.
// Returns `query` unchanged when there are no feedback terms.
Xapian::Query expand_with_feedback(const Xapian::Database& db, const Xapian::Query& query,
                                   const RankingOptions& options);

}  // namespace gazette
