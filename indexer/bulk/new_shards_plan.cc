#include "indexer/bulk/new_shards_plan.h"

#include "indexer/bulk/segment_merge.h"
#include "indexer/bulk/sharded_database.h"
#include "indexer/bulk/summary_text.h"

namespace gazette {

NewShardsPlan::NewShardsPlan(std::string db_path, std::vector<std::string> shards,
                             ScratchParts parts)
    : WritePlan(building(parts.paths()), parts.resumed_from()),
      db_path_(std::move(db_path)),
      shards_(std::move(shards)),
      parts_(std::move(parts)) {}

void NewShardsPlan::finish(const std::vector<std::string>& written, BulkResult& result) {
    count_merge(merge_into_shards(written, shards_, result.segments), result);
    finish_sharded_database(db_path_, shards_);
    parts_.discard();
}

std::string NewShardsPlan::summary(const BulkResult& r) const {
    return std::to_string(r.writers) + " shards, " + with_commas(r.segments) +
           " segments compacted into them" + consolidation_note(r.consolidated);
}

}  // namespace gazette
