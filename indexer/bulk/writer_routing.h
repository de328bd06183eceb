// Which writer each article of a run goes to. The hash partition (one writer per scratch
// part of a merged run, or per shard of a hash-sharded database) is fixed by the id alone;
// the year partition (year_routing.h) follows the article's date, so an id can move.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/article.h"
#include "indexer/bulk/writer_pool.h"

namespace gazette {

// Which writer an id goes to: FNV-1a of the id modulo the writer count. Stable across runs
// and machines, so re-indexing an id always reaches the writer (the shard) that holds it.
std::size_t writer_for_id(const std::string& id, std::size_t writers);

class WriterRouting {
  public:
    virtual ~WriterRouting() = default;
    // The index (in the pool) of the writer `article` goes to; may add a writer to the pool.
    // Adds to `drop_from` the writers whose database may hold the id already and must delete
    // it, so that the article is never in two databases.
    virtual std::size_t route(const Article& article, std::vector<std::size_t>& drop_from) = 0;
};

class HashRouting : public WriterRouting {
  public:
    explicit HashRouting(const WriterPool& pool) : pool_(pool) {}
    std::size_t route(const Article& article, std::vector<std::size_t>& drop_from) override;

  private:
    const WriterPool& pool_;
};

}  // namespace gazette
