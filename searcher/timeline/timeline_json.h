// A timeline as JSON: what --timeline --json and /api/timeline answer.
#pragma once

#include <string>

#include "searcher/timeline/timeline.h"

namespace gazette {

// {"timeline": {"interval", "normalized", "series": [{"query", "matches", "undated",
// "points": [{"period", "start", "end", "count"[, "total", "share"]}]}]}, "took_ms"}
std::string timeline_to_json(const Timeline& timeline);

}  // namespace gazette
