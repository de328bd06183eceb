// The match-set layer: what needs all of a query's matches (facet counts, exact totals, the
// timeline's days) computed from the match set as a bitmap (match_evaluator.h) and value
// columns (value_columns.h) instead of a MatchSpy over a full match. One per Searcher, so per
// thread and per database revision: its caches (frequent terms' sets, the columns) are dropped
// with the Searcher when the session reopens.
//
// Only for databases read in this process: over remote shards the sets would have to cross
// the network, so the searcher counts with spies there (and says the counts are estimates).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "searcher/engine/facets.h"
#include "searcher/engine/match_set/doc_set.h"
#include "searcher/engine/match_set/term_sets.h"
#include "searcher/engine/match_set/value_columns.h"
#include "searcher/engine/time_budget.h"
#include "searcher/query/value_ranges.h"

namespace gazette {

// How much of the database the kept term sets may take: the columns come on top (a few bytes
// per document and slot), see docs/benchmarks.md for the total measured.
inline constexpr double kTermSetBudgetShare = 0.005;
// The budget when the database's size is not known (a database given as a handle).
inline constexpr std::size_t kTermSetBudgetDefault = 16u << 20;

// A day (days since 1970-01-01, common/date.h) and how many matches hold it.
struct DayCount {
    long long day = 0;
    Xapian::doccount count = 0;
};

class MatchSets {
  public:
    // `db` must be read in this process; the term sets may take `budget_share` of
    // `bytes_on_disk` (0 = not known: kTermSetBudgetDefault).
    MatchSets(Xapian::Database db, std::uintmax_t bytes_on_disk,
              double budget_share = kTermSetBudgetShare);

    // The documents `query` matches; `ranges` are the value ranges it was built with. Past
    // `deadline`, TimeBudgetExceeded.
    DocSet match(const Xapian::Query& query, const ValueRanges& ranges,
                 Deadline deadline = std::nullopt);

    // The facets `names` (valid facet names) over `matches`, `size` values each, by count
    // then value, as FacetCollector gives them.
    std::vector<FacetResult> facets(const DocSet& matches, const std::vector<std::string>& names,
                                    unsigned size);

    // How many of `matches` hold each day of the day slot (the timeline's bars), oldest
    // first; days no match holds, and values that are not "YYYYMMDD" days, are left out.
    std::vector<DayCount> day_counts(const DocSet& matches);

    // What the caches hold now.
    std::size_t memory_bytes() const;

  private:
    const ValueColumn& value_column(Xapian::valueno slot);
    const ListColumn& list_column(Xapian::valueno slot);
    const NumberColumn& number_column(Xapian::valueno slot);
    // The day slot's values that are days, as (day, value number), oldest first: parsed
    // once per revision, so that counting a match set's days needs no parsing or sorting.
    const std::vector<std::pair<long long, std::uint32_t>>& days_in_order();

    Xapian::Database db_;
    TermSets terms_;
    std::map<Xapian::valueno, ValueColumn> values_;
    std::map<Xapian::valueno, ListColumn> lists_;
    std::map<Xapian::valueno, NumberColumn> numbers_;
    std::optional<std::vector<std::pair<long long, std::uint32_t>>> days_in_order_;
};

}  // namespace gazette
