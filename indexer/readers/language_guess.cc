#include "indexer/readers/language_guess.h"

#include <algorithm>
#include <array>
#include <string>

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

bool listed(std::string_view list, std::string_view word) {
    std::size_t pos = 0;
    while ((pos = list.find(word, pos)) != std::string_view::npos) {
        bool start = pos == 0 || list[pos - 1] == ' ';
        bool end = pos + word.size() == list.size() || list[pos + word.size()] == ' ';
        if (start && end)
            return true;
        pos += word.size();
    }
    return false;
}

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
        word.clear();
        while (i < text.size() && is_word_byte(text[i])) {
            char c = text[i++];
            word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
        ++words;
        int listed_in = -1;
        for (std::size_t p = 0; p < kProfiles.size(); ++p) {
            if (listed(kProfiles[p].words, word))
                listed_in = listed_in == -1 ? static_cast<int>(p) : -2;
        }
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
