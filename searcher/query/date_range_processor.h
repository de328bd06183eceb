// `date:2025-01-01..2025-02-28`, `date:2024..`, `date:..2024-06` → a value range over
// kSlotDate (seconds since epoch, sortable_serialise'd). A bound names a year, month or day;
// the end bound includes the whole of its period.
#pragma once

#include <xapian.h>

#include <memory>

#include "searcher/query/value_ranges.h"

namespace gazette {

class DateRangeProcessor : public Xapian::RangeProcessor {
  public:
    // The ranges it makes are listed in `made` (for the match-set layer).
    explicit DateRangeProcessor(std::shared_ptr<ValueRanges> made);
    Xapian::Query operator()(const std::string& begin, const std::string& end) override;

  private:
    std::shared_ptr<ValueRanges> made_;
};

}  // namespace gazette
