#include "searcher/query/filters.h"

#include <vector>

#include "common/fields.h"
#include "common/slots.h"

namespace gazette {

Xapian::Query apply_filters(const Xapian::Query& query, const Filters& filters) {
    if (filters.empty())
        return query;
    std::vector<Xapian::Query> all;
    for (const auto& [name, values] : filters.values) {
        const FieldSpec* field = find_field(name);
        std::vector<Xapian::Query> any;
        for (const auto& v : values)
            any.emplace_back(filter_term(*field, v));
        all.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (filters.from && filters.to) {
        all.emplace_back(Xapian::Query::OP_VALUE_RANGE, kSlotDate,
                         Xapian::sortable_serialise(*filters.from),
                         Xapian::sortable_serialise(*filters.to));
    } else if (filters.from) {
        all.emplace_back(Xapian::Query::OP_VALUE_GE, kSlotDate,
                         Xapian::sortable_serialise(*filters.from));
    } else if (filters.to) {
        all.emplace_back(Xapian::Query::OP_VALUE_LE, kSlotDate,
                         Xapian::sortable_serialise(*filters.to));
    }
    Xapian::Query filter(Xapian::Query::OP_AND, all.begin(), all.end());
    return Xapian::Query(Xapian::Query::OP_FILTER, query.empty() ? Xapian::Query::MatchAll : query,
                         filter);
}

}  // namespace gazette
