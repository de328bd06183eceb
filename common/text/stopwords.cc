#include "common/text/stopwords.h"

#include <array>
#include <string_view>

namespace gazette {

std::unique_ptr<Xapian::Stopper> make_english_stopper() {
    static constexpr std::array<std::string_view, 60> kWords = {
        "a",    "about", "an",    "and",  "are",  "as",    "at",    "be",   "been", "but",
        "by",   "can",   "could", "did",  "do",   "does",  "for",   "from", "had",  "has",
        "have", "he",    "her",   "his",  "how",  "i",     "if",    "in",   "into", "is",
        "it",   "its",   "may",   "more", "of",   "on",    "or",    "our",  "she",  "so",
        "that", "the",   "their", "them", "then", "there", "these", "they", "this", "to",
        "was",  "we",    "were",  "what", "when", "which", "who",   "will", "with", "would",
    };
    auto stopper = std::make_unique<Xapian::SimpleStopper>();
    for (auto w : kWords)
        stopper->add(std::string(w));
    return stopper;
}

}  // namespace gazette
