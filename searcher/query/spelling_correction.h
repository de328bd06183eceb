// "Did you mean": the query text with each word the index does not hold replaced by the
// index's spelling suggestion. Words the index holds are never corrected ("adb" stays "adb"
// even where "ab" is more frequent), and the suggestion lookup (about 0.5 ms) runs only for
// unknown words, so a query of known words costs one term lookup per word.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "searcher/query/term_frequencies.h"

namespace gazette {

// A plain word of the query text that could be misspelt: [begin, end) in the text, and its
// lower-case form as the index would hold it.
struct QueryWord {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string folded;
};

// The words of a query a correction may replace: not field names (`title:`), field values
// (`source:reuters`, `id:x`), operators (AND, OR, NOT, NEAR, ADJ, XOR), wildcards (`negot*`),
// words with digits, or words of scripts written without spaces (CJK: the index holds their
// n-grams, not whole words).
std::vector<QueryWord> correctable_words(std::string_view text);

// The correction rule: only a word the index does not hold (termfreq 0) and of at least three
// characters is corrected.
bool should_correct(std::string_view folded_word, Xapian::doccount termfreq);

// The corrected query text, or "" when no word needed or got a correction. `terms` answers
// term frequencies (the searched databases); `spelling` holds the spelling data (the same
// databases, or a local lexicon when they are remote).
std::string spelling_correction(const Xapian::Database& terms, const Xapian::Database& spelling,
                                std::string_view text);
// The same, with the query words' frequencies from `freqs` (prefetched over remote shards).
std::string spelling_correction(TermFrequencies& freqs, const Xapian::Database& spelling,
                                std::string_view text);

}  // namespace gazette
