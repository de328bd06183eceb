#include "indexer/bulk/shard_locator.h"

#include <algorithm>
#include <functional>

#include "common/fields.h"
#include "indexer/bulk/database_writer.h"
#include "indexer/bulk/version_rule.h"

namespace gazette {

void ShardLocator::add_existing(const std::string& path, std::size_t writer) {
    Xapian::Database db(path);
    if (db.get_doccount() == 0)
        return;  // nothing to find there
    existing_.push_back(Existing{db, path, writer});
}

std::optional<double> ShardLocator::held_by(Existing& shard, const std::string& term) {
    // Our own writers commit to these shards during the run; once a reader's revision is
    // two commits old Xapian may have reused its blocks (DatabaseModifiedError). The newer
    // revision is as good: it only adds what this run sent, which sent_ knows anyway.
    for (int attempt = 0;; ++attempt) {
        try {
            Xapian::PostingIterator p = shard.db.postlist_begin(term);
            if (p == shard.db.postlist_end(term))
                return std::nullopt;
            return stored_version(shard.db.get_document(*p));
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 3)
                throw;
            shard.db.reopen();
        }
    }
}

ShardLocator::Placement ShardLocator::place(const std::string& id, std::uint64_t version,
                                            std::size_t writer) {
    auto [it, fresh] = sent_.try_emplace(std::hash<std::string>{}(id), Held{writer, 0});
    Held& held = it->second;
    if (!fresh) {
        // Sent before in this run: the copy it left is the only one, wherever it went.
        if (older_than_held(version, held.version))
            return {held.writer, {}};
        Placement placed{writer, {}};
        if (held.writer != writer)
            placed.drop_from.push_back(held.writer);
        held = Held{writer, static_cast<double>(version)};
        return placed;
    }
    // First time in this run: the shards as they were (a bug of earlier versions could
    // leave a copy in two of them; the highest version is the one that counts).
    std::string term = id_term(id);
    std::vector<Held> holders;
    std::optional<Held> newest;
    for (auto& shard : existing_) {
        if (auto v = held_by(shard, term)) {
            holders.push_back(Held{shard.writer, *v});
            if (!newest || *v > newest->version)
                newest = holders.back();
        }
    }
    if (newest && older_than_held(version, newest->version)) {
        held = *newest;
        return {newest->writer, {}};
    }
    Placement placed{writer, {}};
    for (const auto& h : holders) {
        if (h.writer != writer)
            placed.drop_from.push_back(h.writer);
    }
    held = Held{writer, static_cast<double>(version)};
    return placed;
}

}  // namespace gazette
