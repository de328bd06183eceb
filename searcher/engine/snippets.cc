#include "searcher/engine/snippets.h"

#include <algorithm>

namespace gazette {
namespace {

// How long a snippet may be, in bytes of text before highlighting.
constexpr std::size_t kSnippetLength = 240;

// Snippets are chosen by the query words alone, from the first good passage:
// - no background model (SNIPPET_BACKGROUND_MODEL): it prefers passages with rarer words by
//   asking the database for the frequency of every word of the text it reads. That was about
//   90% of a query's time (snippets of ten hits: 7.05 ms of a 7.5 ms median on 20,000
//   synthetic articles, 16 ms at a million, docs/benchmarks.md "History"), and over remote shards
//   each lookup is a round trip to every shard, one after another (~1,500 for ten Reuters
//   snippets, 100 ms and more on loopback);
// - not exhaustive (SNIPPET_EXHAUSTIVE): Xapian stops once a passage cannot be beaten, instead
//   of scoring every window of a long article.
// The passages still hold the query's words, highlighted, weighted as the match weighed them.
constexpr unsigned kSnippetFlags = Xapian::MSet::SNIPPET_CJK_NGRAM;

// Xapian's passage ends at the first matching word at the earliest and spans kSnippetLength
// bytes before it (a word is at most 64 bytes, Xapian ignores longer ones): text further back
// than this from the first key cannot be in it, nor change which passage wins.
constexpr std::size_t kReadBefore = 2 * kSnippetLength + 64;

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

}  // namespace

Snippets::Snippets(const Xapian::MSet& mset, const Xapian::Query& query,
                   const Xapian::Stem& stemmer, const std::string& stem_language)
    : mset_(mset), stemmer_(stemmer), keys_(query, stem_language) {
    if (keys_.usable())
        chooser_.emplace(mset, query, stemmer, keys_);
}

std::string Snippets::of(const std::string& text) const {
    std::string passage;
    if (!chooser_) {
        passage =
            mset_.snippet(text, kSnippetLength, stemmer_, kSnippetFlags, "<mark>", "</mark>", "…");
    } else {
        std::size_t first = keys_.first_in(text);
        if (first == text.size())
            return text_opening(text, kSnippetLength);
        std::size_t start = 0;
        if (first > kReadBefore) {
            // After a space, so that the reading starts at a word (and never inside a
            // character).
            std::size_t space = text.find_last_of(" \n\t\r", first - kReadBefore);
            start = space == std::string::npos ? 0 : space + 1;
        }
        std::string_view part = std::string_view(text).substr(start);
        if (auto chosen = chooser_->choose(part, kSnippetLength)) {
            passage = std::move(*chosen);
        } else {
            passage = mset_.snippet(std::string(part), kSnippetLength, stemmer_, kSnippetFlags,
                                    "<mark>", "</mark>", "…");
        }
    }
    if (passage.find("<mark>") == std::string::npos)
        return text_opening(text, kSnippetLength);
    return passage;
}

std::string text_opening(std::string_view text, std::size_t length) {
    std::size_t begin = 0;
    while (begin < text.size() && is_space(text[begin]))
        ++begin;
    text.remove_prefix(begin);
    std::string out;
    if (text.size() <= length) {
        append_html_escaped(text, out);
        return out;
    }
    // Cut after the last whole word that fits (a single giant word is cut at a character).
    std::size_t cut = length;
    while (cut > 0 && !is_space(text[cut]))
        --cut;
    if (cut == 0) {
        cut = length;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;  // not inside a UTF-8 sequence
    }
    while (cut > 0 && is_space(text[cut - 1]))
        --cut;
    append_html_escaped(text.substr(0, cut), out);
    out += "…";
    return out;
}

}  // namespace gazette
