// A whole indexing run: decide how to write (write_plan.h: parallel scratch parts merged at
// the end, in place for a small update to a large database, or shard by shard), resume an
// interrupted run of the same inputs, read every input, and finish as the plan says.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "indexer/bulk/batch_listener.h"
#include "indexer/bulk/record_router.h"
#include "indexer/bulk/segment_consolidation.h"
#include "indexer/bulk/shard_scheme.h"
#include "indexer/readers/input_files.h"

namespace gazette {

struct BulkOptions {
    std::string db_path;
    unsigned threads = 1;
    std::uint64_t batch_bytes = 1ull << 20;
    // A merged run's writers start a new database every this many bytes of text (0: never;
    // segments.h). Not with a listener: standing-query alerts keep their state per writer
    // database across the run.
    std::uint64_t segment_bytes = 0;
    std::string default_source;
    bool progress = false;
    bool keep_shards = false;  // --keep-shards: a sharded database of one shard per writer
    unsigned shards = 0;       // build or update a sharded database of this many shards
    // --shard-by: how a new sharded database partitions (a year one needs no count); an
    // existing one keeps the scheme it was made with, and asking for another is refused.
    std::optional<ShardScheme> shard_by;
    bool update = false;                // skip files unchanged since the last run
    BatchListener* listener = nullptr;  // follows the batches (standing-query alerts)
};

struct BulkResult {
    ReadStats read;
    std::uint64_t added = 0;
    std::uint64_t replaced = 0;
    std::uint64_t documents = 0;  // in the database after the run
    // Articles whose id came earlier in the same run (the later one is kept): usually ids
    // that are not unique, e.g. file names taken relative to different folders.
    std::uint64_t repeated_ids = 0;
    // Articles not indexed because the database holds a higher version of their id.
    std::uint64_t older_versions = 0;
    std::size_t files_read = 0;
    std::size_t files_unchanged = 0;  // skipped by --update
    std::size_t writers = 0;
    std::uint64_t segments = 0;  // databases merged at the end (one per writer without segments)
    // Of those, segments first compacted into fewer (segment_consolidation.h).
    ConsolidationCount consolidated;
    // How the database was written, in the plan's words for the summary (write_plan.h):
    // "2 writers, merged", "updated in place", "3 shards, written in place", ...
    std::string written_as;
    bool resumed = false;  // continued an interrupted run
};

BulkResult run_bulk_index(const InputPlan& plan, const BulkOptions& options);

}  // namespace gazette
