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

bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
char ascii_lower(char c) {
    return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// The part of `word` a byte search can find: up to its first non-ASCII byte (the text's form
// of a non-ASCII letter may be upper case) or apostrophe (the text may hold U+2019, which
// Xapian reads as one).
std::string searchable_prefix(std::string_view word) {
    std::size_t end = 0;
    while (end < word.size() && static_cast<unsigned char>(word[end]) < 0x80 && word[end] != '\'')
        ++end;
    return std::string(word.substr(0, end));
}

// Xapian reads "U.S." as the word "us": a short key of letters is also looked for dotted.
std::string dotted(std::string_view key) {
    if (key.size() < 2 || key.size() > 6 ||
        !std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return {};
    std::string out;
    for (char c : key) {
        if (!out.empty())
            out += '.';
        out += c;
    }
    return out;
}

void append_escaped(std::string_view text, std::string& out) {
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            default:
                out += c;
        }
    }
}

}  // namespace

SnippetKeys::SnippetKeys(const Xapian::Query& query, const std::string& stem_language) {
    std::vector<Xapian::Query> pending{query};
    while (!pending.empty() && usable_) {
        Xapian::Query q = std::move(pending.back());
        pending.pop_back();
        if (q.get_type() == Xapian::Query::OP_WILDCARD) {
            usable_ = false;  // any word with the pattern's start can light up
        } else if (q.get_type() == Xapian::Query::LEAF_TERM) {
            add_term(*q.get_terms_begin(), stem_language);
        } else {
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
                pending.push_back(q.get_subquery(i));
        }
    }
}

void SnippetKeys::add_term(const std::string& term, const std::string& stem_language) {
    if (term.empty())
        return;
    if (term[0] == 'Z') {
        // "Z" + the stem of a text word; "Z" + a field prefix + stem is a field's, which no
        // text word gives.
        std::string_view stem = std::string_view(term).substr(1);
        if (stem.empty() || is_ascii_upper(stem[0]))
            return;
        if (stem_language != "en") {
            usable_ = false;
            return;
        }
        // Porter2 words and their stems agree but for the stem's last letter ("compani",
        // "trade" from "trading"), except that "lying", "dying", "tying" stem to "lie"...
        if (stem == "lie" || stem == "die" || stem == "tie")
            add_key(std::string(stem.substr(0, 1)));
        else
            add_key(searchable_prefix(stem.substr(0, stem.size() - 1)));
        return;
    }
    if (is_ascii_upper(term[0]))
        return;  // a field's or a filter's term: never a word of the text
    add_key(searchable_prefix(term));
}

void SnippetKeys::add_key(std::string key) {
    if (key.empty()) {
        usable_ = false;  // nothing to look for: the word may be anywhere
        return;
    }
    std::string dots = dotted(key);
    if (!dots.empty())
        keys_.push_back(std::move(dots));
    keys_.push_back(std::move(key));
}

std::size_t SnippetKeys::first_in(std::string_view text) const {
    std::string lower(text.size(), '\0');
    std::transform(text.begin(), text.end(), lower.begin(), ascii_lower);
    std::size_t first = text.size();
    for (const std::string& key : keys_) {
        if (first == 0)
            break;
        // Only an earlier place matters: search where a key could start before the best so far.
        std::size_t limit = first == text.size() ? text.size() : first - 1 + key.size();
        std::size_t at = std::string_view(lower).substr(0, limit).find(key);
        if (at != std::string_view::npos)
            first = at;
    }
    return first;
}

Snippets::Snippets(const Xapian::MSet& mset, const Xapian::Query& query,
                   const Xapian::Stem& stemmer, const std::string& stem_language)
    : mset_(mset), stemmer_(stemmer), keys_(query, stem_language) {}

std::string Snippets::of(const std::string& text) const {
    std::string passage;
    if (!keys_.usable()) {
        passage =
            mset_.snippet(text, kSnippetLength, stemmer_, kSnippetFlags, "<mark>", "</mark>", "…");
    } else {
        std::size_t first = keys_.first_in(text);
        if (first == text.size())
            return text_opening(text, kSnippetLength);
        std::size_t start = 0;
        if (first > kReadBefore) {
            // After a space, so that Xapian starts at a word (and never inside a character).
            std::size_t space = text.find_last_of(" \n\t\r", first - kReadBefore);
            start = space == std::string::npos ? 0 : space + 1;
        }
        passage = mset_.snippet(start == 0 ? text : text.substr(start), kSnippetLength, stemmer_,
                                kSnippetFlags, "<mark>", "</mark>", "…");
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
        append_escaped(text, out);
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
    append_escaped(text.substr(0, cut), out);
    out += "…";
    return out;
}

}  // namespace gazette
