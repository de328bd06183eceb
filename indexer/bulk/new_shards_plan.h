// A new hash-sharded database (or one whose first run was cut short): built like a merged
// run, one scratch part per shard rolling segments (scratch_parts.h), and at the end each
// part's segments are compacted into its shard, all shards at once (one thread per core).
#pragma once

#include <string>
#include <vector>

#include "indexer/bulk/scratch_parts.h"
#include "indexer/bulk/write_plan.h"

namespace gazette {

class NewShardsPlan : public WritePlan {
  public:
    // `shards`: the (empty) shards of the database; `parts`: resumed or created, one per shard.
    NewShardsPlan(std::string db_path, std::vector<std::string> shards, ScratchParts parts);

    bool builds_parts() const override { return true; }
    void finish(const std::vector<std::string>& written, BulkResult& result) override;
    std::string file_state_database() const override { return shards_.front(); }
    // "3 shards, 12 segments compacted into them".
    std::string summary(const BulkResult& result) const override;

  private:
    std::string db_path_;
    std::vector<std::string> shards_;
    ScratchParts parts_;
};

}  // namespace gazette
