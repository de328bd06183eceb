#include "indexer/bulk/year_routing.h"

#include <filesystem>

#include "indexer/bulk/shard_scheme.h"
#include "indexer/bulk/sharded_database.h"

namespace gazette {

namespace fs = std::filesystem;

YearRouting::YearRouting(std::string db_path, WriterPool& pool)
    : db_path_(std::move(db_path)), pool_(pool) {
    for (std::size_t i = 0; i < pool_.size(); ++i) {
        writer_of_shard_[fs::path(pool_.paths()[i]).filename().string()] = i;
        locator_.add_existing(pool_.paths()[i], i);
    }
}

std::size_t YearRouting::route(const Article& article, std::vector<std::size_t>& drop_from) {
    std::string name = year_shard_name(article);
    auto it = writer_of_shard_.find(name);
    if (it == writer_of_shard_.end()) {
        // A year no run has seen: its shard is new and empty, built fast like any new shard
        // (synced and given its spelling data when the run finishes).
        std::size_t writer = pool_.add(add_year_shard(db_path_, name), WriterRole::kBuild);
        it = writer_of_shard_.emplace(name, writer).first;
    }
    auto placed = locator_.place(article.id, article.version, it->second);
    drop_from.insert(drop_from.end(), placed.drop_from.begin(), placed.drop_from.end());
    return placed.writer;
}

}  // namespace gazette
