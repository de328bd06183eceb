// Typo tolerance in the ranking: each plain query word that looks misspelt
// (typo_neighbours.h) becomes OP_OR(the word, OP_SCALE_WEIGHT(its neighbours, weight < 1)),
// so the articles the right spelling finds are found too, each a little below where the
// right spelling would put it, and an article holding the word exactly as typed keeps its
// full weight. Phrases, NEAR, wildcards, field-prefixed words, filters and excluded (NOT)
// words keep their exact meaning. docs/ranking.md, "Typo tolerance", has the measurements.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "searcher/query/term_frequencies.h"
#include "searcher/query/typo_neighbours.h"

namespace gazette {

// A neighbour's weight relative to the word as typed: below 1 so that an article found
// through a correction ranks under the same article found by its exact words.
inline constexpr double kTypoNeighbourWeight = 0.9;

// One widened query word: as typed (folded, as the index holds it) and what it also matches.
struct TypoCorrection {
    std::string term;
    std::vector<std::string> to;
};

struct WidenedQuery {
    Xapian::Query query;
    std::vector<TypoCorrection> corrections;  // in query order, each word once
};

// What typo widening reads: the query's words' frequencies, the spelling data its neighbours
// come from, and the parser (unstem) and stemmer that made the query's terms.
struct TypoSources {
    TermFrequencies& freqs;
    const Xapian::Database& spelling;
    const Xapian::QueryParser& parser;
    const Xapian::Stem& stemmer;
};

// The words whose frequencies widen_typos() looks up, to prefetch them in one batch.
std::vector<std::string> typo_candidates(const Xapian::Query& query,
                                         const Xapian::QueryParser& parser);

// `query` with its misspelt-looking words widened; unchanged (no corrections) when every word
// is common enough in the index, which costs one cached frequency lookup per word.
WidenedQuery widen_typos(const Xapian::Query& query, const TypoSources& sources,
                         const TypoRules& rules = {}, double weight = kTypoNeighbourWeight);

}  // namespace gazette
