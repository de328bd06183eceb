// Which spellings a possibly misspelt query word should also match: its neighbours in the
// database's spelling data (the vocabulary, indexer/bulk/vocabulary_spelling.h), chosen by
// the rules in docs/ranking.md, "Typo tolerance". The query rewrite is typo_widening.h.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

struct TypoRules {
    // Meilisearch's defaults, which measured best on news too (docs/ranking.md): no edit for
    // words under 5 letters (too many real words lie one edit apart), one from 5, two from 9.
    std::size_t one_edit_min_chars = 5;
    std::size_t two_edits_min_chars = 9;
    // A word the index holds is widened only when it is this rare (documents holding it) and
    // a neighbour one edit away is `frequency_ratio` times more frequent: "Ukrane" typed in
    // two articles still finds "Ukraine", while "Clinton"/"Clintons" stay apart. Common words
    // are never looked at, so a correctly spelt query costs nothing.
    Xapian::doccount rare_docs = 5;
    double frequency_ratio = 20;
};

// How many edits away a query word's neighbours may be: 0 for short words and words with
// digits. `folded` is the word as the index holds it (lower case).
unsigned typo_edits_allowed(std::string_view folded, const TypoRules& rules);

// The neighbours `folded` should also match, most frequent first (empty when none): for a
// word the index lacks (`termfreq` 0), Xapian's spelling suggestion within the allowed edits;
// for a rare word, its one-edit neighbours at least rules.frequency_ratio times as frequent
// in the spelling data. `spelling` holds the spelling data (a lexicon for remote shards).
std::vector<std::string> typo_neighbours(const Xapian::Database& spelling,
                                         const std::string& folded, Xapian::doccount termfreq,
                                         const TypoRules& rules);

// Every string one edit (deletion, insertion, substitution or swap of neighbours) from
// `word`, over the letters a-z and the word's own; no duplicates, `word` itself left out.
std::vector<std::string> one_edit_variants(const std::string& word);

}  // namespace gazette
