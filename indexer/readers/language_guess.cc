#include "indexer/readers/language_guess.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gazette {
namespace {

struct Profile {
    std::string_view code;
    std::string_view words;  // frequent function words, space-separated
};

// A word listed for two languages ("des", "que", "is") says nothing and is not counted.
constexpr std::array<Profile, 7> kProfiles = {{
    {"en", "the and of to is that was for with on are it by this from have has were which would"},
    {"fr",
     "le les des est une du et dans pour qui pas sur au aux avec ce été sont par il elle mais"},
    {"de", "der die das und ist nicht ein eine den dem mit von zu sich auch des im für wurde auf"},
    {"es", "el los las del que y un una por con para es se fue al lo como más su"},
    {"it",
     "di che è per della delle degli gli nel nella alla anche sono questo più stato essere "
     "dei ha non"},
    {"pt", "o os as de que e do da em um uma para com não no na dos por foi são"},
    {"nl", "de het een en van is dat op niet zijn met voor die er te aan ook wordt bij naar"},
}};

constexpr int kNotListed = -1;
constexpr int kListedTwice = -2;

// Each profile word to the profile listing it (kListedTwice when several do). Built once and
// never changed: the guess looks up every word of up to kMaxWords, and searching the seven
// lists per word was most of RSS reading's cost (docs/benchmarks.md).
const std::unordered_map<std::string_view, int>& profile_of_word() {
    static const std::unordered_map<std::string_view, int> table = [] {
        std::unordered_map<std::string_view, int> t;
        for (std::size_t p = 0; p < kProfiles.size(); ++p) {
            std::string_view list = kProfiles[p].words;
            while (!list.empty()) {
                std::size_t space = list.find(' ');
                std::string_view word = list.substr(0, space);
                auto [it, added] = t.emplace(word, static_cast<int>(p));
                if (!added && it->second != static_cast<int>(p))
                    it->second = kListedTwice;
                list = space == std::string_view::npos ? "" : list.substr(space + 1);
            }
        }
        return t;
    }();
    return table;
}

int profile_listing(std::string_view word) {
    const auto& table = profile_of_word();
    auto it = table.find(word);
    return it == table.end() ? kNotListed : it->second;
}

// The longest profile word, in bytes: a longer word cannot be one, and is counted without
// being lowered or looked up (most words of a news text are longer).
constexpr std::size_t longest_profile_word() {
    std::size_t longest = 0;
    for (const Profile& p : kProfiles) {
        std::size_t start = 0;
        for (std::size_t i = 0; i <= p.words.size(); ++i) {
            if (i == p.words.size() || p.words[i] == ' ') {
                longest = std::max(longest, i - start);
                start = i + 1;
            }
        }
    }
    return longest;
}
constexpr std::size_t kLongestProfileWord = longest_profile_word();

constexpr std::size_t kMaxWords = 5000;
constexpr int kMinHits = 8;

bool is_word_byte(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

}  // namespace

std::string guess_language(std::string_view text) {
    std::array<int, kProfiles.size()> hits{};
    std::size_t words = 0;
    std::string word;
    for (std::size_t i = 0; i < text.size() && words < kMaxWords;) {
        if (!is_word_byte(text[i])) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < text.size() && is_word_byte(text[i]))
            ++i;
        ++words;
        if (i - start > kLongestProfileWord)
            continue;
        word.clear();
        for (std::size_t k = start; k < i; ++k) {
            char c = text[k];
            word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
        int listed_in = profile_listing(word);
        if (listed_in >= 0)
            ++hits[static_cast<std::size_t>(listed_in)];
    }
    auto best = std::max_element(hits.begin(), hits.end()) - hits.begin();
    int runner_up = 0;
    for (std::size_t p = 0; p < hits.size(); ++p) {
        if (static_cast<long>(p) != best)
            runner_up = std::max(runner_up, hits[p]);
    }
    // Clear dominance only: a wrong stemmer is worse than the default one.
    if (hits[best] < kMinHits || hits[best] * 2 < runner_up * 3)
        return "";
    return std::string(kProfiles[best].code);
}

}  // namespace gazette
