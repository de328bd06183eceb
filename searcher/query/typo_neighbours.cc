#include "searcher/query/typo_neighbours.h"

#include <algorithm>
#include <set>
#include <utility>

namespace gazette {
namespace {

std::vector<unsigned> code_points(std::string_view s) {
    return {Xapian::Utf8Iterator(s.data(), s.size()), Xapian::Utf8Iterator()};
}

std::string utf8_of(const std::vector<unsigned>& chars) {
    std::string out;
    for (unsigned c : chars)
        Xapian::Unicode::append_utf8(out, c);
    return out;
}

// Spelling frequencies, read off the spelling word list (Xapian 1.4 has no public
// per-word lookup): `words` are asked for in sorted order, so one iterator only moves
// forward. Spelling data the backend cannot list (remote shards without a lexicon) counts
// as none.
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
        it_.skip_to(word);
        return it_ != end_ && *it_ == word ? it_.get_termfreq() : 0;
    }

  private:
    Xapian::TermIterator it_;
    Xapian::TermIterator end_;
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
    const std::vector<unsigned> chars = code_points(word);
    std::set<unsigned> alphabet(chars.begin(), chars.end());
    for (unsigned c = 'a'; c <= 'z'; ++c)
        alphabet.insert(c);
    std::set<std::string> out;
    std::vector<unsigned> v;
    for (std::size_t i = 0; i <= chars.size(); ++i) {
        if (i < chars.size()) {
            v = chars;  // deletion
            v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
            out.insert(utf8_of(v));
        }
        if (i + 1 < chars.size()) {
            v = chars;  // swap of neighbours
            std::swap(v[i], v[i + 1]);
            out.insert(utf8_of(v));
        }
        for (unsigned c : alphabet) {
            if (i < chars.size()) {
                v = chars;  // substitution
                v[i] = c;
                out.insert(utf8_of(v));
            }
            v = chars;  // insertion
            v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), c);
            out.insert(utf8_of(v));
        }
    }
    out.erase(word);
    return {out.begin(), out.end()};
}

}  // namespace gazette
