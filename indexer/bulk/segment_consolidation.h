// Making a merge fit on a nearly full disk. A one-pass merge writes its output beside all of
// its sources, so it asks for their whole size free (shard_merge.cc). Sealed segments are
// written by many commits and take about twice the space of their compacted copy (measured:
// 2,798 MB of segments for a 1,259 MB database at 100,000 synthetic articles), so a run that
// could hold its merged database would be refused. When the merge does not fit, runs of
// consecutive sealed segments of one shard are first compacted into one segment each, a run
// only as large as the space free; each run's sources are deleted once its copy is in place.
// The merge then reads fewer, fuller sources and needs about the room of its output.
//
// A consolidated segment takes the name of the last segment of its run plus "c"
// (WORK/shard-N.seg-000015c), so it sorts after them and before the next: sources stay in
// the order they were written, which the merge relies on to keep an id's latest copy.
// It is built under WORK/shard-N.consolidating and lists its sources in its metadata, so a
// run killed midway leaves nothing half done (recover_consolidations).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gazette {

// A run of sources to compact into one: indexes [first, last] into the merge's sources.
struct ConsolidationRun {
    std::size_t first = 0;
    std::size_t last = 0;
};

// Which runs to compact, given each source's shard ("" for a source that must stay as it is:
// a shard's current segment, which holds the run position, or an existing target) and size.
// A run holds two or more consecutive sources of one shard whose sizes, plus `reserve`, fit
// in `available`; runs are as long as that allows, and are planned, first to last, until
// they hold `wanted` bytes (compacting a run frees about half of its size, so the merge
// fits once the runs hold about the shortfall). Pure, so the tests can choose the sizes.
std::vector<ConsolidationRun> plan_consolidation(const std::vector<std::string>& shards,
                                                 const std::vector<std::uintmax_t>& sizes,
                                                 std::uintmax_t available, std::uintmax_t reserve,
                                                 std::uintmax_t wanted);

struct Consolidation {
    std::vector<std::string> sources;  // the merge's sources after consolidation, in order
    std::size_t runs = 0;              // runs compacted
    std::size_t segments = 0;          // segments they replaced
};

// Compacts the runs plan_consolidation picks among `sources` (a merge's segments, oldest
// first) for `available` bytes free. Segments consolidated before are left as they are:
// compacting them again would free nothing.
Consolidation consolidate_segments(const std::vector<std::string>& sources,
                                   std::uintmax_t available, std::uintmax_t reserve,
                                   std::uintmax_t wanted);

// What the merge calls: while `segments` plus `other_bytes` (an existing target merged with
// them, or other merges running at the same time), plus `reserve`, do not fit in the space
// free in `folder`, consolidates some. Returns the segments to merge; the merge's own check
// still refuses, with the space it needs, when consolidation could not make enough room.
Consolidation fit_merge_on_disk(const std::vector<std::string>& segments, const std::string& folder,
                                std::uintmax_t other_bytes, std::uintmax_t reserve);

// In `work`: deletes a consolidated segment left half made, and the sources still left of
// one that was finished. Called with recover_segment_rolls, before the shards are looked at.
void recover_consolidations(const std::string& work);

// The metadata key under which a consolidated segment lists its sources (cleared by the
// merge, like the run position).
inline constexpr const char* kConsolidatedFromKey = "gazette:consolidated-from";

}  // namespace gazette
