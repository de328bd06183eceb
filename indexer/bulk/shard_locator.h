// Where an id is already, among the shards of a year-sharded database, so that an article
// whose date moved it to another year can be deleted from its old shard. Two sources:
// - the shards as they were when the run started (read-only, one Q-term lookup per shard
//   that held documents; shards new in this run are skipped);
// - the ids this run has sent so far, kept as a 64-bit hash of the id → writer (about 40
//   bytes per article of the run), because a writer's uncommitted documents cannot be read.
// It also knows the version each copy carries, so that the version rule (version_rule.h)
// holds across shards: an article older than the copy held in another shard goes to that
// shard's writer, which skips it and counts it (older_versions), instead of deleting it there.
// A hash collision can only make the router ask a shard to delete an id it does not hold,
// which is a no-op; for two ids of one run to mislead it, they would have to collide and be
// re-dated, which at 64 bits we accept.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace gazette {

class ShardLocator {
  public:
    // A shard that existed when the run started, written by `writer`.
    void add_existing(const std::string& path, std::size_t writer);
    struct Placement {
        std::size_t writer;                  // where the article goes
        std::vector<std::size_t> drop_from;  // writers that may hold its id and must delete it
    };
    // Where an article of `id` and `version` goes when its year's shard is `writer`: there,
    // deleting the id from the other shards, unless another shard holds a higher version,
    // in which case it goes to that shard (whose writer skips it) and nothing is deleted.
    Placement place(const std::string& id, std::uint64_t version, std::size_t writer);

  private:
    struct Existing {
        Xapian::Database db;
        std::string path;
        std::size_t writer;
    };
    struct Held {
        std::size_t writer;
        double version;  // of the copy that writer keeps
    };
    // The version of the copy `shard` holds of `term` as of the run's start, or nothing.
    std::optional<double> held_by(Existing& shard, const std::string& term);

    std::vector<Existing> existing_;
    // Every id this run sent: the one copy it left, which later articles of the id obey.
    std::unordered_map<std::uint64_t, Held> sent_;
};

}  // namespace gazette
