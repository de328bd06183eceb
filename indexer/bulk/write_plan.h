// How a run writes: which databases its writers write, how articles are routed to them, and
// what becomes of those databases when the reading is done. plan_writes picks one of:
// - MergePlan (merge_plan.h): a new database, or a small one, built as scratch parts (one per
//   writer) that are compacted into it at the end;
// - InPlacePlan (in_place_plan.h): a small addition to a large database, written straight
//   into it by one writer;
// - NewShardsPlan (new_shards_plan.h): a new sharded database, one scratch part per shard,
//   each compacted into its shard at the end, all shards at once;
// - ShardedUpdatePlan (sharded_update_plan.h): an existing sharded database (or any
//   year-sharded one), one writer per shard, written in place.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "indexer/bulk/bulk_index.h"
#include "indexer/bulk/run_progress.h"
#include "indexer/bulk/segment_merge.h"
#include "indexer/bulk/writer_pool.h"
#include "indexer/bulk/writer_routing.h"

namespace gazette {

struct PlannedWriter {
    std::string path;  // the database it writes
    WriterRole role;
};

class WritePlan {
  public:
    virtual ~WritePlan() = default;

    // The writers to start, one per database.
    const std::vector<PlannedWriter>& writers() const { return writers_; }
    // Where reading starts: the beginning, or where an interrupted run of the same plan got to.
    const RunPosition& start() const { return start_; }
    bool resumed() const { return resumed_; }

    // True when the writers build scratch parts that finish() compacts: they may roll
    // segments, and their last commit marks the run complete instead of clearing its
    // position, so that a run killed before the merge is done merges again.
    virtual bool builds_parts() const = 0;
    // Which writer each article goes to: a hash of its id unless the plan says otherwise.
    virtual std::unique_ptr<WriterRouting> routing(WriterPool& pool) const;
    // Once the writers are closed: makes the database of what they wrote (`written`, their
    // databases in pool order, with any the run added) and adds what that changed to the
    // counts in `result`.
    virtual void finish(const std::vector<std::string>& written, BulkResult& result) = 0;
    // The database that keeps --update's file states (after finish).
    virtual std::string file_state_database() const = 0;
    // How the database was written, for the run's summary: "2 writers, merged", "updated in
    // place", ... (result: the finished run's counts).
    virtual std::string summary(const BulkResult& result) const = 0;

  protected:
    WritePlan(std::vector<PlannedWriter> writers, const std::optional<RunPosition>& resumed_from)
        : writers_(std::move(writers)),
          start_(resumed_from.value_or(RunPosition{})),
          resumed_(resumed_from.has_value()) {}
    // One kBuild writer per database in `paths` (scratch parts).
    static std::vector<PlannedWriter> building(const std::vector<std::string>& paths);

  private:
    std::vector<PlannedWriter> writers_;
    RunPosition start_;
    bool resumed_ = false;
};

// Decides how this run writes (`input_bytes`: the size of the files it reads) and where it
// resumes from, making the work folder, or a new sharded database, that the plan needs.
std::unique_ptr<WritePlan> plan_writes(const BulkOptions& options, const std::string& plan_id,
                                       std::uintmax_t input_bytes);

// Articles in the database at `path`; 0 when there is none.
std::uint64_t documents_in(const std::string& path);

// For the plans that merge parts: what the merge found (ids the target held, ids two parts
// held) turns counted additions into replacements.
void count_merge(const MergeResult& merged, BulkResult& result);

}  // namespace gazette
