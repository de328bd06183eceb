// Making a merge fit on a nearly full disk. A one-pass merge writes its output beside all of
// its sources, so it asks for their whole size free (segment_merge.cc). Sealed segments are
// written by many commits and take about twice the space of their compacted copy (measured:
// 2,798 MB of segments for a 1,259 MB database at 100,000 synthetic articles), so a run that
// could hold its merged database would be refused. When the merge does not fit, runs of
// consecutive sealed segments of one part are first compacted into one segment each, a run
// only as large as the space free; each run's sources are deleted once its copy is in place.
// The merge then reads fewer, fuller sources and needs about the room of its output.
//
// The same is done when a merge would open more files than the process may: Xapian opens
// every table of every source at once (5 files a segment), and 1 million articles make 174
// segments of 16 MB, so a few million would pass a soft limit of 1,024 open files. The soft
// limit is first raised to the hard one; only past that are runs consolidated.
//
// A consolidated segment takes the name of the last segment of its run plus "c"
// (WORK/shard-N.seg-000015c), so it sorts after them and before the next: sources stay in
// the order they were written, which the merge relies on to keep an id's latest copy.
// It is built under WORK/shard-N.consolidating and lists its sources in its metadata
// (kConsolidatedFromKey, common/schema.h; cleared by the merge, like the run position), so a
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

// What the runs may hold, and when enough are planned.
struct ConsolidationLimits {
    std::uintmax_t room = 0;          // bytes of sources one run may hold (its copy is written
                                      // beside them): the space free less a reserve
    std::size_t max_run = 0;          // sources one run may hold (open files)
    std::uintmax_t wanted_bytes = 0;  // plan until the runs hold this many bytes (compacting a
                                      // run frees about half of it, so the shortfall of space)
    std::size_t wanted_fewer = 0;     // ... and until they replace this many sources by fewer
};

// Which runs to compact, given each source's part ("" for a source that must stay as it is:
// a part's current segment, which holds the run position, an existing target, or, when
// only space is wanted, a segment consolidated before, whose compaction frees nothing) and
// size. A run holds two or
// more consecutive sources of one part, as many as the limits allow; runs are planned first
// to last until both wants are met. Pure, so the tests can choose the sizes.
std::vector<ConsolidationRun> plan_consolidation(const std::vector<std::string>& parts,
                                                 const std::vector<std::uintmax_t>& sizes,
                                                 const ConsolidationLimits& limits);

// What consolidation did before a merge, and why.
struct ConsolidationCount {
    std::size_t runs = 0;      // runs compacted
    std::size_t segments = 0;  // segments they replaced
    bool for_space = false;    // the disk could not hold a one-pass merge
    bool for_files = false;    // the process could not open all of its sources at once

    void add(const ConsolidationCount& other) {
        runs += other.runs;
        segments += other.segments;
        for_space = for_space || other.for_space;
        for_files = for_files || other.for_files;
    }
};

struct Consolidation {
    std::vector<std::string> sources;  // the merge's sources after consolidation, in order
    ConsolidationCount count;
};

// Compacts the runs plan_consolidation picks among `sources` (a merge's segments, oldest
// first). Segments consolidated before join runs only when fewer sources are wanted.
Consolidation consolidate_segments(const std::vector<std::string>& sources,
                                   const ConsolidationLimits& limits);

// What a merge needs besides its segments.
struct MergeNeeds {
    std::uintmax_t other_bytes = 0;   // an existing target merged with them, or other merges
                                      // writing at the same time
    std::uintmax_t reserve = 0;       // kept free (free_space.h)
    std::size_t other_sources = 0;    // databases opened besides the segments (the target)
    std::size_t parallel_merges = 1;  // merges opening their sources at the same time
};

// What the merge calls: while `segments` and `needs` do not fit in the space free in `folder`,
// or in the open files the process may have, consolidates some. Returns the segments to
// merge; the merge's own check still refuses, with the space it needs, when consolidation
// could not make enough room.
Consolidation fit_merge(const std::vector<std::string>& segments, const std::string& folder,
                        const MergeNeeds& needs);

// Files Xapian opens for one database of sources (glass: postlist, termlist, docdata,
// position, spelling), and the sources one merge may open under the current limit.
inline constexpr std::size_t kFilesPerDatabase = 5;
std::size_t sources_one_merge_may_open(std::size_t parallel_merges);

// In `work`: deletes a consolidated segment left half made, and the sources still left of
// one that was finished. Called with recover_segment_rolls, before the parts are looked at.
void recover_consolidations(const std::string& work);

}  // namespace gazette
