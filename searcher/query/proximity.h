// Proximity: articles where a query's words stand together rank above articles where they
// are scattered. The boost is an OP_NEAR of the query's plain words, added with
// OP_AND_MAYBE: it reorders the query's matches and adds none (docs/ranking.md, "Proximity").
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace gazette {

struct ProximityOptions {
    // Words within this many positions of each other count as together (OP_NEAR's window
    // is the span of all of them). 8 was measured best of 4, 8 and 16 (docs/ranking.md).
    Xapian::termpos window = 8;
    // The boost's share of the words' own BM25 weight.
    double weight = 0.2;
    // A word in more than this share of the archive, or in more than max_word_docs articles,
    // is left out of the boost: its closeness to the others tells little, and reading its
    // positions is what the boost costs (at 200,000 articles a 2.5% share took the p99 from
    // 7 to 76 ms; 2,000 articles keeps it within 1.2x, docs/ranking.md).
    double max_word_share = 0.05;
    Xapian::doccount max_word_docs = 2000;
    // Longer queries are rarely meant as one phrase, and their NEAR costs more.
    std::size_t max_words = 4;
};

// The words of `text` the boost is made of, lower case, in order: empty (no boost) when the
// text is not plain words (quotes, field prefixes, operators, wildcards, brackets).
std::vector<std::string> proximity_words(const std::string& text);

// OP_SCALE_WEIGHT(OP_NEAR(words)) over `db`'s unstemmed positional terms, or an empty query
// when fewer than two words are left after the rare-enough rule.
Xapian::Query proximity_boost(const std::vector<std::string>& words, const Xapian::Database& db,
                              const ProximityOptions& options = {});

}  // namespace gazette
