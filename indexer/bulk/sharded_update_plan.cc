#include "indexer/bulk/sharded_update_plan.h"

#include <xapian.h>

#include "common/schema.h"
#include "indexer/bulk/sharded_database.h"
#include "indexer/bulk/year_routing.h"

namespace gazette {
namespace {

std::vector<PlannedWriter> shard_writers(const std::vector<std::string>& shards, bool resumed) {
    std::vector<PlannedWriter> writers;
    for (const auto& shard : shards) {
        // A shard still being built (new, or resumed before its vocabulary spelling pass)
        // is built fast; a finished one is updated with synced commits.
        bool building =
            documents_in(shard) == 0 ||
            (resumed && Xapian::Database(shard).get_metadata(kSpellingAddedKey).empty());
        writers.push_back({shard, building ? WriterRole::kBuild : WriterRole::kInPlace});
    }
    return writers;
}

}  // namespace

ShardedUpdatePlan::ShardedUpdatePlan(std::string db_path, const std::vector<std::string>& shards,
                                     ShardScheme scheme, const std::string& plan_id)
    : ShardedUpdatePlan(std::move(db_path), shards, scheme, resume_position(shards, plan_id)) {}

ShardedUpdatePlan::ShardedUpdatePlan(std::string db_path, const std::vector<std::string>& shards,
                                     ShardScheme scheme,
                                     const std::optional<RunPosition>& resumed_from)
    : WritePlan(shard_writers(shards, resumed_from.has_value()), resumed_from),
      db_path_(std::move(db_path)),
      scheme_(scheme) {}

std::unique_ptr<WriterRouting> ShardedUpdatePlan::routing(WriterPool& pool) const {
    if (scheme_ == ShardScheme::kYear)
        return std::make_unique<YearRouting>(db_path_, pool);
    return WritePlan::routing(pool);
}

void ShardedUpdatePlan::finish(const std::vector<std::string>& written, BulkResult&) {
    finish_sharded_database(db_path_, written);  // with the shards of years new in this run
}

std::string ShardedUpdatePlan::summary(const BulkResult& r) const {
    return std::to_string(r.writers) + " shards, written in place";
}

}  // namespace gazette
