// Value-range queries remembered with their bounds. Xapian 1.4's Query keeps the slot and
// bounds of OP_VALUE_RANGE/GE/LE to itself (get_description() prints them as raw bytes), but
// the match-set layer (engine/match_set/) must know them to test a range against its column
// of values instead of matching the query again. Every value range the searcher builds (the
// date range processor, the date filters) is made here, so each can be looked up by the
// query it became.
#pragma once

#include <xapian.h>

#include <optional>
#include <utility>
#include <vector>

namespace gazette {

// A range over a slot of sortable_serialise'd numbers (the date), bounds inclusive.
struct ValueRange {
    Xapian::valueno slot = 0;
    std::optional<double> begin;  // unset: no lower bound
    std::optional<double> end;    // unset: no upper bound
};

class ValueRanges {
  public:
    // OP_VALUE_RANGE, OP_VALUE_GE or OP_VALUE_LE over `slot`, as the bounds given ask;
    // MatchAll with neither.
    Xapian::Query make(Xapian::valueno slot, std::optional<double> begin,
                       std::optional<double> end);
    // The range `query` was made from (the same query or a copy of it), or nullptr.
    const ValueRange* find(const Xapian::Query& query) const;
    // Forgets every range (a new query is being built).
    void clear() { made_.clear(); }

  private:
    // The queries are kept, not only their addresses: a query freed while listed here could
    // otherwise give its address to a new, different one.
    std::vector<std::pair<Xapian::Query, ValueRange>> made_;
};

}  // namespace gazette
