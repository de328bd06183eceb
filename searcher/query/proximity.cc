#include "searcher/query/proximity.h"

#include <algorithm>

namespace gazette {
namespace {

bool is_operator_word(const std::string& word) {
    return word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" ||
           word == "ADJ";
}

// Punctuation that only separates words; anything else (quotes, colons, brackets, +, -, *)
// is query syntax, and a query that uses syntax says itself how its words go together.
bool is_separator(unsigned ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == ',' || ch == '.' || ch == '?' ||
           ch == '!' || ch == ';';
}

}  // namespace

std::vector<std::string> proximity_words(const std::string& text) {
    std::vector<std::string> words;
    std::string word, lowered;
    auto finish = [&]() -> bool {
        if (word.empty())
            return true;
        if (is_operator_word(word))
            return false;
        words.push_back(lowered);
        word.clear();
        lowered.clear();
        return true;
    };
    for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
        unsigned ch = *it;
        if (Xapian::Unicode::is_wordchar(ch)) {
            Xapian::Unicode::append_utf8(word, ch);
            Xapian::Unicode::append_utf8(lowered, Xapian::Unicode::tolower(ch));
        } else if (is_separator(ch)) {
            if (!finish())
                return {};
        } else {
            return {};
        }
    }
    if (!finish())
        return {};
    return words;
}

Xapian::Query proximity_boost(const std::vector<std::string>& words, const Xapian::Database& db,
                              const ProximityOptions& options) {
    if (words.size() < 2 || words.size() > options.max_words)
        return {};
    double limit =
        std::min<double>(options.max_word_share * db.get_doccount(), options.max_word_docs);
    std::vector<Xapian::Query> near;
    for (const std::string& word : words) {
        Xapian::doccount df = db.get_termfreq(word);
        if (df == 0 || df > limit)
            continue;
        near.emplace_back(word);
    }
    if (near.size() < 2)
        return {};
    Xapian::termpos window = std::max<Xapian::termpos>(options.window, near.size());
    Xapian::Query together(Xapian::Query::OP_NEAR, near.begin(), near.end(), window);
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, together, options.weight);
}

}  // namespace gazette
