#include "searcher/engine/snippet_keys.h"

#include <algorithm>

namespace gazette {
namespace {

bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
char ascii_lower(char c) {
    return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
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
    first_bytes_[static_cast<unsigned char>(key[0])] = true;
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

}  // namespace gazette
