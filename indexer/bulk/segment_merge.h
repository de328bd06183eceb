// The end of a run that builds parts (scratch_parts.h): the segments the writers built become
// the target database, or each part's become its shard.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "indexer/bulk/segment_consolidation.h"

namespace gazette {

struct MergeResult {
    std::uint64_t replaced = 0;  // ids the target held already, now replaced by the new version
    std::uint64_t repeated = 0;  // ids two of `segments` held; the copy from the later one is kept
    // Copies in `segments` dropped because the target holds a higher version of their id.
    std::uint64_t older_versions = 0;
    Xapian::doccount documents = 0;
    // Segments first compacted into fewer, for the disk or the open-file limit
    // (segment_consolidation.h).
    ConsolidationCount consolidated;
};

// Merges `segments` into `target` with Xapian::Database::compact. A target that already
// holds articles is compacted together with the segments into a new database. In the new
// database an id held twice keeps only the copy version_rule.h's kept_copy picks, taking the
// copies in source order (the target counts as the first, then `segments` in the order
// given: a writer's segments oldest first), as the writer would have; only then
// is it renamed into place, so the target is never seen half-merged. The segments are left
// for the caller.
MergeResult merge_segments(const std::vector<std::string>& segments, const std::string& target);

// The end of a run that builds a new sharded database (new_shards_plan.h): the segments of
// part i (segments.h) are merged into the shard targets[i] as merge_segments does, several
// shards at once (one thread per core): compaction is one thread per database, and the
// shards are independent. Adds the number of databases compacted to `segments`. Rethrows
// the first failure once every merge has stopped.
MergeResult merge_into_shards(const std::vector<std::string>& parts,
                              const std::vector<std::string>& targets, std::uint64_t& segments);

// Undoes what a run killed in the middle of merge_segments' swap left: the target moved aside
// to TARGET.gazette-old and not yet replaced is put back; a leftover old copy is deleted.
// Called before anything looks at the target.
void recover_interrupted_swap(const std::string& target);

}  // namespace gazette
