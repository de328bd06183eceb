// The year partition: an article goes to the shard of its publication year, made (and added
// to the stub) when the first article of that year arrives. Because a corrected date can
// move an article to another year, every article is also looked up in the other shards
// (shard_locator.h) and deleted where it was: re-indexing never leaves two copies.
#pragma once

#include <map>
#include <string>

#include "indexer/bulk/shard_locator.h"
#include "indexer/bulk/writer_routing.h"

namespace gazette {

class YearRouting : public WriterRouting {
  public:
    // `db_path`: the year-sharded database; `pool`: its writers, one per shard already open
    // (pool.paths() are the shard folders), to which new years' writers are added.
    YearRouting(std::string db_path, WriterPool& pool);

    std::size_t route(const Article& article, std::vector<std::size_t>& drop_from) override;

  private:
    std::string db_path_;
    WriterPool& pool_;
    std::map<std::string, std::size_t> writer_of_shard_;  // "1987" → writer index
    ShardLocator locator_;
};

}  // namespace gazette
