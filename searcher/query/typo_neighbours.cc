#include "searcher/query/typo_neighbours.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace gazette {
namespace {

std::vector<unsigned> code_points(std::string_view s) {
    return {Xapian::Utf8Iterator(s.data(), s.size()), Xapian::Utf8Iterator()};
}

// Spelling frequencies, read off the spelling word list (Xapian 1.4 has no public
// per-word lookup): `words` are asked for in sorted order, so one iterator only moves
// forward, and a word that sorts before the word the iterator stands on is not in the list
// (most of a rare word's ~450 one-edit variants: no B-tree lookup for them). Spelling data
// the backend cannot list (remote shards without a lexicon) counts as none.
class SpellingFrequencies {
  public:
    explicit SpellingFrequencies(const Xapian::Database& spelling) {
        try {
            it_ = spelling.spellings_begin();
            end_ = spelling.spellings_end();
        } catch (const Xapian::UnimplementedError&) {
            it_ = end_;
        }
    }
    // `word` must not sort before the previous word asked for.
    Xapian::doccount get(const std::string& word) {
        if (it_ == end_)
            return 0;
        if (!at_ || *at_ < word) {
            it_.skip_to(word);
            if (it_ == end_)
                return 0;
            at_ = *it_;
        }
        return *at_ == word ? it_.get_termfreq() : 0;
    }

  private:
    Xapian::TermIterator it_;
    Xapian::TermIterator end_;
    std::optional<std::string> at_;  // the word `it_` stands on, once it has moved
};

std::vector<std::string> suggestion_for_unknown(const Xapian::Database& spelling,
                                                const std::string& folded, unsigned edits) {
    std::string suggestion;
    try {
        suggestion = spelling.get_spelling_suggestion(folded, edits);
    } catch (const Xapian::UnimplementedError&) {
        return {};  // no spelling data where the databases are
    }
    if (suggestion.empty() || suggestion == folded)
        return {};
    return {suggestion};
}

// One-edit neighbours of a rare word that are far more frequent than it, most frequent first
// (ties by spelling, so the choice does not depend on the shard order).
std::vector<std::string> frequent_neighbours(const Xapian::Database& spelling,
                                             const std::string& folded, const TypoRules& rules) {
    const double own = std::max<Xapian::doccount>(1, SpellingFrequencies(spelling).get(folded));
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    SpellingFrequencies frequencies(spelling);
    for (std::string& variant : one_edit_variants(folded)) {  // sorted
        Xapian::doccount freq = frequencies.get(variant);
        if (freq > 0 && freq >= own * rules.frequency_ratio)
            found.emplace_back(freq, std::move(variant));
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> out;
    for (auto& [freq, word] : found)
        out.push_back(std::move(word));
    return out;
}

}  // namespace

unsigned typo_edits_allowed(std::string_view folded, const TypoRules& rules) {
    std::size_t chars = 0;
    for (unsigned c : code_points(folded)) {
        if (Xapian::Unicode::get_category(c) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER)
            return 0;  // numbers, codes and years mean exactly what they say
        ++chars;
    }
    if (chars >= rules.two_edits_min_chars)
        return 2;
    return chars >= rules.one_edit_min_chars ? 1 : 0;
}

std::vector<std::string> typo_neighbours(const Xapian::Database& spelling,
                                         const std::string& folded, Xapian::doccount termfreq,
                                         const TypoRules& rules) {
    unsigned edits = typo_edits_allowed(folded, rules);
    if (edits == 0)
        return {};
    if (termfreq == 0)
        return suggestion_for_unknown(spelling, folded, edits);
    if (termfreq > rules.rare_docs)
        return {};
    return frequent_neighbours(spelling, folded, rules);
}

std::vector<std::string> one_edit_variants(const std::string& word) {
    // Built from each character's UTF-8 bytes, then sorted once: a std::set of the ~450
    // variants of an 8-letter word cost as much as looking them all up.
    std::vector<std::string> chars;
    for (Xapian::Utf8Iterator it(word); it != Xapian::Utf8Iterator(); ++it) {
        chars.emplace_back();
        Xapian::Unicode::append_utf8(chars.back(), *it);
    }
    std::vector<std::string> alphabet(chars);
    for (char c = 'a'; c <= 'z'; ++c)
        alphabet.emplace_back(1, c);
    std::sort(alphabet.begin(), alphabet.end());
    alphabet.erase(std::unique(alphabet.begin(), alphabet.end()), alphabet.end());
    std::vector<std::size_t> starts;  // byte offset of each character, and the end
    for (std::size_t i = 0, at = 0; i <= chars.size(); ++i) {
        starts.push_back(at);
        if (i < chars.size())
            at += chars[i].size();
    }
    auto head = [&](std::size_t i) { return std::string_view(word).substr(0, starts[i]); };
    auto tail = [&](std::size_t i) { return std::string_view(word).substr(starts[i]); };
    std::vector<std::string> out;
    out.reserve((chars.size() + 1) * (2 * alphabet.size() + 2));
    auto add = [&](std::string_view a, std::string_view b, std::string_view c) {
        std::string& v = out.emplace_back();
        v.reserve(a.size() + b.size() + c.size());
        v.append(a).append(b).append(c);
    };
    for (std::size_t i = 0; i <= chars.size(); ++i) {
        if (i < chars.size())
            add(head(i), {}, tail(i + 1));  // deletion
        if (i + 1 < chars.size())
            add(head(i), chars[i + 1] + chars[i], tail(i + 2));  // swap of neighbours
        for (const std::string& c : alphabet) {
            if (i < chars.size())
                add(head(i), c, tail(i + 1));  // substitution
            add(head(i), c, tail(i));          // insertion
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    out.erase(std::remove(out.begin(), out.end(), word), out.end());
    return out;
}

}  // namespace gazette
