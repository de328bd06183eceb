#include "searcher/server/suggest.h"

#include <nlohmann/json.hpp>

#include "common/article_json.h"
#include "common/fields.h"

namespace gazette::server {
namespace {

std::string headline_prefix() {
    return std::string(field_of(&Article::title).text_prefix);
}

Xapian::Query completion_query(const TypedWords& words) {
    std::string prefix = headline_prefix();
    std::vector<Xapian::Query> parts;
    for (const auto& w : words.complete)
        parts.emplace_back(prefix + w);
    if (!words.prefix.empty()) {
        parts.emplace_back(Xapian::Query::OP_WILDCARD, prefix + words.prefix, kCompletionExpansion,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

std::vector<Completion> complete(const Xapian::Database& db, const TypedWords& words) {
    std::vector<Completion> out;
    if (words.complete.empty() && words.prefix.empty())
        return out;
    Xapian::Enquire enquire(db);
    enquire.set_query(completion_query(words));
    // A few extra, since identical headlines (wire copies) are shown once.
    Xapian::MSet mset = enquire.get_mset(0, kMaxCompletions * 3);
    for (auto it = mset.begin(); it != mset.end() && out.size() < kMaxCompletions; ++it) {
        std::optional<Article> stored = stored_article(it.get_document().get_data());
        if (!stored || stored->title.empty())
            continue;
        Completion c{std::move(stored->id), std::move(stored->title), std::move(stored->date_text),
                     std::move(stored->source)};
        bool seen = false;
        for (const auto& o : out)
            seen = seen || o.title == c.title;
        if (!seen)
            out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

TypedWords split_typed_words(const std::string& text) {
    TypedWords out;
    std::string word;
    for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
        unsigned ch = *it;
        if (Xapian::Unicode::is_wordchar(ch)) {
            Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
        } else if (!word.empty()) {
            out.complete.push_back(std::move(word));
            word.clear();
        }
    }
    out.prefix = std::move(word);
    return out;
}

Suggestions suggest(const Xapian::Database& db, const std::string& text) {
    Suggestions out;
    out.query = text;
    TypedWords words = split_typed_words(text);
    std::vector<std::string> all = words.complete;
    if (!words.prefix.empty())
        all.push_back(words.prefix);
    bool changed = false;
    std::string corrected;
    for (const auto& w : all) {
        std::string s = db.get_spelling_suggestion(w);
        if (!corrected.empty())
            corrected += ' ';
        corrected += s.empty() ? w : s;
        changed = changed || !s.empty();
    }
    if (changed)
        out.corrected = corrected;
    if (!all.empty()) {
        std::string s = db.get_spelling_suggestion(all.back());
        if (!s.empty())
            out.spelling.push_back(s);
    }
    out.completions = complete(db, words);
    return out;
}

std::string suggestions_to_json(const Suggestions& s) {
    nlohmann::json completions = nlohmann::json::array();
    for (const auto& c : s.completions) {
        completions.push_back(
            {{"id", c.id}, {"title", c.title}, {"date", c.date}, {"source", c.source}});
    }
    nlohmann::json out = {{"query", s.query},
                          {"corrected", s.corrected},
                          {"spelling", s.spelling},
                          {"completions", std::move(completions)}};
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace gazette::server
