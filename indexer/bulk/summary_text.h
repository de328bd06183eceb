// Numbers and phrases of gazette-index's summary lines, shared by the run (index_command.cc)
// and the write plans that describe how they wrote (write_plan.h).
#pragma once

#include <cstdint>
#include <string>

#include "indexer/bulk/segment_consolidation.h"

namespace gazette {

// 1234567 → "1,234,567".
std::string with_commas(std::uint64_t n);

// "; short of disk space, 2 runs compacted 12 segments first", or "" when no segment was
// consolidated. A segment that two rounds compacted (for open files) counts twice.
std::string consolidation_note(const ConsolidationCount& count);

}  // namespace gazette
