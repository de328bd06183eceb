#include "searcher/query/filters.h"

#include <vector>

#include "common/fields.h"
#include "common/slots.h"

namespace gazette {

Xapian::Query filter_of(const Filters& filters, ValueRanges* ranges) {
    if (filters.empty())
        return Xapian::Query();
    std::vector<Xapian::Query> all;
    for (const auto& [name, values] : filters.values) {
        const FieldSpec* field = find_field(name);
        std::vector<Xapian::Query> any;
        for (const auto& v : values)
            any.emplace_back(filter_term(*field, v));
        all.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (filters.from || filters.to) {
        ValueRanges unlisted;
        all.push_back((ranges ? *ranges : unlisted).make(kSlotDate, filters.from, filters.to));
    }
    return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
}

Xapian::Query filtered_by(const Xapian::Query& query, const Xapian::Query& filter) {
    if (filter.empty())
        return query;
    return Xapian::Query(Xapian::Query::OP_FILTER, query.empty() ? Xapian::Query::MatchAll : query,
                         filter);
}

Xapian::Query apply_filters(const Xapian::Query& query, const Filters& filters,
                            ValueRanges* ranges) {
    return filtered_by(query, filter_of(filters, ranges));
}

}  // namespace gazette
