// Where an id is already, among the shards of a year-sharded database, so that an article
// whose date moved it to another year can be deleted from its old shard. Two sources:
// - the shards as they were when the run started (read-only, one Q-term lookup per shard
//   that held documents; shards new in this run are skipped);
// - the ids this run has sent so far, kept as a 64-bit hash of the id → writer (about 40
//   bytes per article of the run), because a writer's uncommitted documents cannot be read.
// A hash collision can only make the router ask a shard to delete an id it does not hold,
// which is a no-op; for two ids of one run to mislead it, they would have to collide and be
// re-dated, which at 64 bits we accept.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace gazette {

class ShardLocator {
  public:
    // A shard that existed when the run started, written by `writer`.
    void add_existing(const std::string& path, std::size_t writer);
    // Records that this run sent `id` to `writer`; returns the writers that may hold it
    // besides `writer` (to delete it there).
    std::vector<std::size_t> place(const std::string& id, std::size_t writer);

  private:
    struct Existing {
        Xapian::Database db;
        std::string path;
        std::size_t writer;
    };
    bool held_by(Existing& shard, const std::string& term);

    std::vector<Existing> existing_;
    std::unordered_map<std::uint64_t, std::size_t> sent_;
};

}  // namespace gazette
