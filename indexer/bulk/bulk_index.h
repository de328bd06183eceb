// A whole indexing run: decide how to write (parallel shards merged at the end, or in place
// for a small update to a large database), resume an interrupted run of the same inputs,
// read every input, and merge.
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
    bool keep_shards = false;  // leave the shards as a sharded database (stub file)
    unsigned shards = 0;       // build or update a sharded database of this many shards
    // --shard-by: how a new sharded database partitions (a year one needs no count); an
    // existing one keeps the scheme it was made with, and asking for another is refused.
    std::optional<ShardScheme> shard_by;
    bool update = false;                // skip files unchanged since the last run
    BatchListener* listener = nullptr;  // follows the batches (standing-query alerts)
};

enum class WriteMode {
    kMerged,   // scratch shards, one per writer, compacted into the target at the end
    kInPlace,  // one writer straight into the target (a small update to a large database)
    kSharded,  // a sharded database (folder of shards + stub file), one writer per shard
    // A new sharded database: one writer per shard builds scratch segments as kMerged does;
    // at the end each writer's segments are compacted into its shard, all shards at once.
    kNewShards,
};

struct BulkResult {
    ReadStats read;
    std::uint64_t added = 0;
    std::uint64_t replaced = 0;
    std::uint64_t documents = 0;  // in the database after the run
    // Articles whose id came earlier in the same run (the later one is kept): usually ids
    // that are not unique, e.g. file names taken relative to different folders.
    std::uint64_t repeated_ids = 0;
    std::size_t files_read = 0;
    std::size_t files_unchanged = 0;  // skipped by --update
    std::size_t writers = 0;
    std::uint64_t segments = 0;  // databases merged at the end (one per writer without segments)
    // Of those, segments first compacted into fewer (segment_consolidation.h).
    ConsolidationCount consolidated;
    WriteMode mode = WriteMode::kMerged;
    bool resumed = false;  // continued an interrupted run
};

BulkResult run_bulk_index(const InputPlan& plan, const BulkOptions& options);

}  // namespace gazette
