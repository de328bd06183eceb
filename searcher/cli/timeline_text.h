// A timeline as CSV (--format csv) and as a chart for a terminal (gazette-search --timeline).
#pragma once

#include <ostream>
#include <string>

#include "searcher/timeline/timeline.h"

namespace gazette {

// "period,<query 1>,<query 2>..." then one row per period: counts, or shares with normalize.
void print_timeline_csv(std::ostream& out, const Timeline& timeline);

// Block bars per period (labelled, peak marked) for up to kMaxBarRows periods, sparklines
// for longer series. `color` dims the labels.
void print_timeline_text(std::ostream& out, const Timeline& timeline, bool color);

inline constexpr std::size_t kMaxBarRows = 60;

}  // namespace gazette
