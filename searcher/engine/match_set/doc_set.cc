#include "searcher/engine/match_set/doc_set.h"

#include <vector>

namespace gazette {

DocSet doc_set_of_term(const Xapian::Database& db, const std::string& term) {
    DocSet out;
    std::vector<std::uint32_t> batch;
    batch.reserve(4096);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        batch.push_back(*it);
        if (batch.size() == batch.capacity()) {
            out.addMany(batch.size(), batch.data());
            batch.clear();
        }
    }
    out.addMany(batch.size(), batch.data());
    return out;
}

}  // namespace gazette
