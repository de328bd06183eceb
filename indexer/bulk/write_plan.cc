#include "indexer/bulk/write_plan.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>

#include "common/errors.h"
#include "indexer/bulk/free_space.h"
#include "indexer/bulk/in_place_plan.h"
#include "indexer/bulk/merge_plan.h"
#include "indexer/bulk/new_shards_plan.h"
#include "indexer/bulk/scratch_parts.h"
#include "indexer/bulk/shard_scheme.h"
#include "indexer/bulk/sharded_database.h"
#include "indexer/bulk/sharded_update_plan.h"

namespace gazette {

namespace fs = std::filesystem;

namespace {

// Writing in place (one writer, no compaction) pays off when the database is much larger
// than what is added: compacting it would copy far more than the new articles.
constexpr std::uintmax_t kInPlaceRatio = 20;

// The scheme of a sharded run: the one the database was made with (a database from before
// schemes were recorded is hashed), which a run may repeat but not change, or the one asked
// for a new database.
ShardScheme sharded_run_scheme(const BulkOptions& o, bool exists, unsigned shard_count) {
    std::optional<ShardScheme> asked = o.shard_by;
    if (!asked && shard_count > 0)
        asked = ShardScheme::kHash;
    if (!exists) {
        if (asked == ShardScheme::kHash && shard_count == 0)
            throw UsageError("--shard-by hash needs --shards N");
        return asked.value_or(ShardScheme::kHash);
    }
    ShardScheme made = recorded_scheme(o.db_path).value_or(ShardScheme::kHash);
    if (asked && *asked != made) {
        std::string how = o.shard_by ? "--shard-by " + scheme_name(*asked) : "--shards N";
        throw UsageError(o.db_path + " is sharded by " + scheme_name(made) +
                         "; this run asks for sharding by " + scheme_name(*asked) + " (" + how +
                         ")" +
                         ". An article's shard depends on the scheme, so it cannot change "
                         "(re-index into a new database to change it)");
    }
    return made;
}

bool all_empty(const std::vector<std::string>& dbs) {
    return std::all_of(dbs.begin(), dbs.end(),
                       [](const std::string& db) { return documents_in(db) == 0; });
}

// A sharded database is written shard by shard, by one writer each: an id hashes to the same
// shard in every run (or moves with its year, and is then deleted from the old one), so
// replacement stays exact. Makes the database when it is new.
std::unique_ptr<WritePlan> plan_sharded(const BulkOptions& o, const std::string& plan_id,
                                        std::vector<std::string> shards, unsigned shard_count) {
    ShardScheme scheme = sharded_run_scheme(o, !shards.empty(), shard_count);
    if (scheme == ShardScheme::kYear) {
        if (shards.empty()) {
            shards = create_year_sharded_database(o.db_path);
        } else {
            // A run that died between making a year's shard and listing it left it out.
            rewrite_year_stub(o.db_path);
            shards = sharded_database_shards(o.db_path);
        }
        return std::make_unique<ShardedUpdatePlan>(o.db_path, shards, scheme, plan_id);
    }
    if (!shards.empty() && shard_count > 0 && shards.size() != shard_count) {
        throw UsageError(o.db_path + " has " + std::to_string(shards.size()) +
                         " shards; an id's shard depends on the count, so it cannot "
                         "change (re-index into a new database to change it)");
    }
    if (shards.empty())
        shards = create_sharded_database(o.db_path, shard_count);
    // A new database (its shards still empty), or one whose first run was cut short (its work
    // folder is left): built like a merged run, one writer per shard. Not with alerts, whose
    // per-writer state lives in the databases the writers write.
    if (!o.listener && (all_empty(shards) || fs::exists(work_folder_of(o.db_path)))) {
        ScratchParts parts(work_folder_of(o.db_path));
        if (!parts.resume(plan_id, shards.size()))
            parts.create(shards.size());
        return std::make_unique<NewShardsPlan>(o.db_path, std::move(shards), std::move(parts));
    }
    return std::make_unique<ShardedUpdatePlan>(o.db_path, shards, scheme, plan_id);
}

}  // namespace

std::vector<PlannedWriter> WritePlan::building(const std::vector<std::string>& paths) {
    std::vector<PlannedWriter> writers;
    for (const auto& path : paths)
        writers.push_back({path, WriterRole::kBuild});
    return writers;
}

std::unique_ptr<WriterRouting> WritePlan::routing(WriterPool& pool) const {
    return std::make_unique<HashRouting>(pool);
}

std::uint64_t documents_in(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        return 0;
    return Xapian::Database(path).get_doccount();
}

void count_merge(const MergeResult& merged, BulkResult& result) {
    result.consolidated = merged.consolidated;
    // An id sent twice to one writer: replaced in its database, or held by two of its
    // segments until the merge kept the later copy.
    if (!result.resumed)
        result.repeated_ids = result.replaced + merged.repeated;
    result.replaced += merged.replaced + merged.repeated;
    result.added -= std::min(result.added, merged.replaced + merged.repeated);
    result.added -= std::min(result.added, merged.older_versions);
    result.older_versions += merged.older_versions;
}

std::unique_ptr<WritePlan> plan_writes(const BulkOptions& o, const std::string& plan_id,
                                       std::uintmax_t input_bytes) {
    unsigned shard_count = o.shards > 0 ? o.shards : (o.keep_shards ? std::max(1u, o.threads) : 0);
    std::vector<std::string> shards = sharded_database_shards(o.db_path);
    if (!shards.empty() || shard_count > 0 || o.shard_by)
        return plan_sharded(o, plan_id, std::move(shards), shard_count);
    ScratchParts parts(work_folder_of(o.db_path));
    if (parts.resume(plan_id, 0))
        return std::make_unique<MergePlan>(o.db_path, std::move(parts));
    if (documents_in(o.db_path) > 0) {
        auto p = resume_position({o.db_path}, plan_id);  // an interrupted in-place run
        if (p || size_on_disk(o.db_path) > kInPlaceRatio * std::max<std::uintmax_t>(input_bytes, 1))
            return std::make_unique<InPlacePlan>(o.db_path, p);
    }
    parts.create(std::max(1u, o.threads));
    return std::make_unique<MergePlan>(o.db_path, std::move(parts));
}

}  // namespace gazette
