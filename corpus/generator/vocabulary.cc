#include "corpus/generator/vocabulary.h"

#include <algorithm>
#include <unordered_set>

#include "corpus/generator/word_lists.h"

namespace gazette::generator {
namespace {

// Ranks below this are mostly function words ("the", "of", "said"): not headline material.
constexpr std::size_t kFunctionWordRanks = 120;

// The tail's own seed: changing it changes every corpus, so it never changes.
constexpr std::uint64_t kTailSeed = 0x6761'7a65'7474'6501;  // "gazette\x01"

constexpr std::string_view kOnsets[] = {"b",  "br",  "c",  "ch", "cl", "cr", "d",  "dr", "f",  "fl",
                                        "fr", "g",   "gl", "gr", "h",  "j",  "k",  "l",  "m",  "n",
                                        "p",  "pl",  "pr", "qu", "r",  "s",  "sc", "sh", "sl", "sp",
                                        "st", "str", "t",  "th", "tr", "v",  "w",  "y",  "z",  ""};
constexpr std::string_view kVowels[] = {"a", "e",  "i",  "o",  "u",  "a",  "e",
                                        "o", "ai", "ea", "ee", "ie", "oa", "ou"};
constexpr std::string_view kCodas[] = {"",  "",  "",   "",   "n",  "r",  "l", "s",
                                       "t", "m", "nd", "nt", "rk", "st", "ng"};
// English derivational endings make invented words read as nouns, verbs and adjectives.
constexpr std::string_view kSuffixes[] = {
    "",    "",   "",    "",   "",   "",    "",    "",   "",    "",    "",  "tion", "ment", "ness",
    "ity", "er", "ing", "ed", "al", "ous", "ive", "ly", "ism", "ist", "s", "ic",   "ers",  "es"};
// Longer inventions stop reading like words.
constexpr std::size_t kMaxInventedLength = 10;

std::string invented_word(Rng& rng) {
    std::string word;
    const auto u = rng.below(20);
    const int syllables = u < 9 ? 1 : u < 19 ? 2 : 3;
    for (int i = 0; i < syllables; ++i) {
        word += rng.pick(kOnsets);
        word += rng.pick(kVowels);
        word += rng.pick(kCodas);
    }
    word += rng.pick(kSuffixes);
    return word;
}

}  // namespace

Vocabulary::Vocabulary(std::size_t size, double zipf_exponent)
    : zipf_(std::max<std::size_t>(size, common_words().size()), zipf_exponent) {
    const std::size_t total = zipf_.size();
    words_.reserve(total);
    std::unordered_set<std::string> seen;
    for (auto w : common_words()) {
        if (seen.emplace(w).second)
            words_.emplace_back(w);
    }
    real_words_ = words_.size();
    Rng rng(kTailSeed);
    while (words_.size() < total) {
        std::string w = invented_word(rng);
        if (w.size() >= 4 && w.size() <= kMaxInventedLength && seen.insert(w).second)
            words_.push_back(std::move(w));
    }
}

const std::string& Vocabulary::draw_content(Rng& rng, bool real_only) const {
    if (real_only) {  // uniform over the content part of the hand-written list
        return words_[kFunctionWordRanks + rng.below(real_words_ - kFunctionWordRanks)];
    }
    for (;;) {
        std::size_t rank = zipf_.sample(rng);
        if (rank >= kFunctionWordRanks)
            return words_[rank];
    }
}

}  // namespace gazette::generator
