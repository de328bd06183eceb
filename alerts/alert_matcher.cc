#include "alerts/alert_matcher.h"

#include <xapian.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "common/fields.h"
#include "common/slots.h"
#include "indexer/document_builder.h"
#include "searcher/engine/search.h"
#include "searcher/query/query_language.h"

namespace gazette {

std::string alert_to_json(const Alert& a) {
    nlohmann::ordered_json line = {{"alert", a.name}, {"id", a.id},         {"title", a.title},
                                   {"date", a.date},  {"source", a.source}, {"url", a.url},
                                   {"score", a.score}};
    return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::vector<Alert> AlertMatcher::match(const std::vector<Article>& batch) const {
    std::vector<Alert> out;
    if (batch.empty() || queries_.empty())
        return out;
    Xapian::WritableDatabase memory(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder;
    std::unordered_map<std::string, const Article*> by_id;
    for (const auto& article : batch) {
        memory.replace_document(id_term(article.id), builder.build(article));
        by_id[article.id] = &article;
    }
    // One Searcher per stemming language, as the search service keeps them; built per batch
    // because wildcards expand against the batch's own words.
    std::map<std::string, std::unique_ptr<Searcher>> searchers;
    for (const auto& q : queries_) {
        SearchOptions options;
        options.query.stem_language = stem_language_for(q.request, options.query.stem_language);
        options.query.spelling = false;
        auto& searcher = searchers[options.query.stem_language];
        if (!searcher)
            searcher = std::make_unique<Searcher>(memory, options);
        Xapian::Query query = searcher->build_query(q.request);
        if (query.empty())
            continue;
        Xapian::Enquire enquire(memory);
        enquire.set_query(query);
        Xapian::MSet mset = enquire.get_mset(0, memory.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            auto found = by_id.find(it.get_document().get_value(kSlotId));
            if (found == by_id.end())
                continue;
            const Article& a = *found->second;
            out.push_back(
                Alert{q.name, a.id, a.title, a.date_text, a.source, a.url, it.get_weight()});
        }
    }
    return out;
}

}  // namespace gazette
