#include "searcher/server/article_lookup.h"

#include "common/fields.h"

namespace gazette::server {

std::optional<std::string> find_article(const Xapian::Database& db, const std::string& id) {
    if (id.empty())
        return std::nullopt;
    std::string term = id_term(id);
    auto it = db.postlist_begin(term);
    if (it == db.postlist_end(term))
        return std::nullopt;
    return db.get_document(*it).get_data();
}

}  // namespace gazette::server
