// An existing sharded database (sharded_database.h), or any year-sharded one: one writer per
// shard, each writing its shard in place, so that an id reaches the same shard in every run
// (its hash, or its year: an article whose year changed is deleted from its old shard).
// A shard still being built is built fast, a finished one updated with synced commits; a
// year-sharded run adds a shard, and a writer, for each year new to the database. At the end
// the shards' commits are made durable and the lexicon is rebuilt.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/bulk/shard_scheme.h"
#include "indexer/bulk/write_plan.h"

namespace gazette {

class ShardedUpdatePlan : public WritePlan {
  public:
    // `shards`: the database's shards as its stub lists them; `scheme`: how it is sharded.
    ShardedUpdatePlan(std::string db_path, const std::vector<std::string>& shards,
                      ShardScheme scheme, const std::string& plan_id);

    bool builds_parts() const override { return false; }
    std::unique_ptr<WriterRouting> routing(WriterPool& pool) const override;
    void finish(const std::vector<std::string>& written, BulkResult& result) override;
    // The stub's first shard ("undated" in a year-sharded database).
    std::string file_state_database() const override { return writers().front().path; }
    // "3 shards, written in place".
    std::string summary(const BulkResult& result) const override;

  private:
    ShardedUpdatePlan(std::string db_path, const std::vector<std::string>& shards,
                      ShardScheme scheme, const std::optional<RunPosition>& resumed_from);

    std::string db_path_;
    ShardScheme scheme_;
};

}  // namespace gazette
