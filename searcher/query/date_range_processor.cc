#include "searcher/query/date_range_processor.h"

#include "common/date.h"
#include "common/errors.h"
#include "common/fields.h"
#include "common/slots.h"

namespace gazette {

DateRangeProcessor::DateRangeProcessor()
    : Xapian::RangeProcessor(kSlotDate, std::string(kDateFieldName) + ":") {}

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
    if (lo && hi) {
        if (*lo > *hi)
            throw Xapian::QueryParserError("date range: " + begin + " is after " + end);
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDate,
                             Xapian::sortable_serialise(*lo), Xapian::sortable_serialise(*hi));
    }
    if (lo)
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, kSlotDate,
                             Xapian::sortable_serialise(*lo));
    if (hi)
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, kSlotDate,
                             Xapian::sortable_serialise(*hi));
    return Xapian::Query::MatchAll;
}

}  // namespace gazette
