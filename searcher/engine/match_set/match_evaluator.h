// A query's match set, computed without ranking: its tree of operators evaluated over
// document sets (posting lists as bitmaps, TermSets), value ranges tested against a column,
// and the operators that need positions or Xapian's own expansion (phrases, NEAR, wildcards,
// ELITE_SET, posting sources) matched by Xapian itself, restricted to the documents their
// AND siblings allow. The result is exactly the set of documents Enquire would match
// (tests/unit/match_set_test.cc checks it on thousands of random queries).
#pragma once

#include <xapian.h>

#include <functional>

#include "searcher/engine/match_set/doc_set.h"
#include "searcher/engine/match_set/term_sets.h"
#include "searcher/engine/match_set/value_columns.h"
#include "searcher/engine/time_budget.h"
#include "searcher/query/value_ranges.h"

namespace gazette {

class MatchEvaluator {
  public:
    // `ranges` tells the value ranges the searcher made (others are left to Xapian);
    // `column_of` gives the number column of a slot (read once, by the caller's cache).
    // Past `deadline`, match() throws TimeBudgetExceeded (Xapian's own matches in it are
    // given the time left, so none runs on far beyond it).
    MatchEvaluator(const Xapian::Database& db, TermSets& terms, const ValueRanges& ranges,
                   std::function<const NumberColumn&(Xapian::valueno)> column_of,
                   Deadline deadline = std::nullopt);

    DocSet match(const Xapian::Query& query);

  private:
    // Evaluates `query` so that the result agrees with its matches inside `within` (the
    // documents its AND siblings allow, when not null): outside it, the result may hold
    // anything. `within_query` is the same restriction as a query, for Xapian.
    DocSet evaluate(const Xapian::Query& query, const DocSet* within,
                    const Xapian::Query& within_query);
    DocSet evaluate_and(const Xapian::Query& query, const DocSet* within,
                        const Xapian::Query& within_query, bool and_not);
    DocSet in_range(const ValueRange& range, const DocSet* within);
    DocSet matched_by_xapian(const Xapian::Query& query, const Xapian::Query& within_query);

    const Xapian::Database& db_;
    TermSets& terms_;
    const ValueRanges& ranges_;
    std::function<const NumberColumn&(Xapian::valueno)> column_of_;
    Deadline deadline_;
};

}  // namespace gazette
