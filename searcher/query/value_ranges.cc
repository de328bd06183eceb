#include "searcher/query/value_ranges.h"

namespace gazette {

Xapian::Query ValueRanges::make(Xapian::valueno slot, std::optional<double> begin,
                                std::optional<double> end) {
    Xapian::Query query;
    if (begin && end) {
        query = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot,
                              Xapian::sortable_serialise(*begin), Xapian::sortable_serialise(*end));
    } else if (begin) {
        query = Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, Xapian::sortable_serialise(*begin));
    } else if (end) {
        query = Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, Xapian::sortable_serialise(*end));
    } else {
        return Xapian::Query::MatchAll;
    }
    made_.emplace_back(query, ValueRange{slot, begin, end});
    return query;
}

const ValueRange* ValueRanges::find(const Xapian::Query& query) const {
    for (const auto& [made, range] : made_) {
        if (made.internal.get() == query.internal.get())
            return &range;
    }
    return nullptr;
}

}  // namespace gazette
