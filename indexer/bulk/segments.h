// Segments: a writer of a merged run starts a new database every --segment-mb of text. The
// cost of a Xapian commit grows with the database it lands in, so many small databases
// compacted once at the end index faster than one large one (docs/benchmarks.md).
//
// The writer's current segment keeps its scratch part's name (WORK/shard-N, scratch_parts.h),
// so an interrupted run finds and resumes it as before; full segments are sealed beside it as
// WORK/shard-N.seg-K, K = 0, 1, ... in the order they were written. A roll
// (database_writer.cc) makes the next segment as WORK/shard-N.next (first under
// WORK/shard-N.next.tmp, holding the run position of the sealed segment's last commit), then
// renames shard-N to its sealed name and shard-N.next to shard-N. recover_segment_rolls
// finishes a roll that a kill interrupted.
#pragma once

#include <string>
#include <vector>

namespace gazette {

// The sealed segments of `part`, oldest first (none when it never rolled).
std::vector<std::string> sealed_segments(const std::string& part);

// `part`'s sealed segments followed by `part` itself: what the merge compacts, in order.
std::vector<std::string> segments_of(const std::string& part);

// The name the current segment of `part` takes when sealed: one past the highest K.
std::string next_sealed_name(const std::string& part);

// The part whose sealed segment `path` is (WORK/shard-N for WORK/shard-N.seg-K...), or ""
// when `path` is not a sealed segment (a part's current segment, a target database).
std::string part_of_sealed(const std::string& path);

// The folder a segment is prepared in, and its name once complete (see above).
std::string next_segment_path(const std::string& part);
std::string next_segment_scratch_path(const std::string& part);

// In `work`: deletes half-made next segments, and finishes every roll whose next segment
// is complete (the current one is sealed if it is still there, the next takes its name).
// Called before the parts of an interrupted run are looked at.
void recover_segment_rolls(const std::string& work);

}  // namespace gazette
