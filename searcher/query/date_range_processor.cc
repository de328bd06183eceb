#include "searcher/query/date_range_processor.h"

#include "common/date.h"
#include "common/errors.h"
#include "common/fields.h"
#include "common/slots.h"

namespace gazette {

DateRangeProcessor::DateRangeProcessor(std::shared_ptr<ValueRanges> made)
    : Xapian::RangeProcessor(kSlotDate, std::string(kDateFieldName) + ":"),
      made_(std::move(made)) {}

Xapian::Query DateRangeProcessor::operator()(const std::string& begin, const std::string& end) {
    std::optional<double> lo, hi;
    if (!begin.empty()) {
        lo = parse_date_bound(begin, false);
        if (!lo)
            throw Xapian::QueryParserError("date range: \"" + begin +
                                           "\" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    if (!end.empty()) {
        hi = parse_date_bound(end, true);
        if (!hi)
            throw Xapian::QueryParserError("date range: \"" + end +
                                           "\" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    if (lo && hi && *lo > *hi)
        throw Xapian::QueryParserError("date range: " + begin + " is after " + end);
    return made_->make(kSlotDate, lo, hi);
}

}  // namespace gazette
