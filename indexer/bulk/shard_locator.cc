#include "indexer/bulk/shard_locator.h"

#include <algorithm>
#include <functional>

#include "common/fields.h"

namespace gazette {

void ShardLocator::add_existing(const std::string& path, std::size_t writer) {
    Xapian::Database db(path);
    if (db.get_doccount() == 0)
        return;  // nothing to find there
    existing_.push_back(Existing{db, path, writer});
}

bool ShardLocator::held_by(Existing& shard, const std::string& term) {
    // Our own writers commit to these shards during the run; once a reader's revision is
    // two commits old Xapian may have reused its blocks (DatabaseModifiedError). The newer
    // revision is as good: it only adds what this run sent, which sent_ knows anyway.
    for (int attempt = 0;; ++attempt) {
        try {
            return shard.db.term_exists(term);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 3)
                throw;
            shard.db.reopen();
        }
    }
}

std::vector<std::size_t> ShardLocator::place(const std::string& id, std::size_t writer) {
    std::vector<std::size_t> others;
    std::string term = id_term(id);
    for (auto& shard : existing_) {
        if (shard.writer != writer && held_by(shard, term))
            others.push_back(shard.writer);
    }
    auto [it, fresh] = sent_.try_emplace(std::hash<std::string>{}(id), writer);
    if (!fresh) {
        if (it->second != writer &&
            std::find(others.begin(), others.end(), it->second) == others.end())
            others.push_back(it->second);
        it->second = writer;
    }
    return others;
}

}  // namespace gazette
