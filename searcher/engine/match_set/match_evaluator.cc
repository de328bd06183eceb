#include "searcher/engine/match_set/match_evaluator.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace gazette {
namespace {

// How an operand is evaluated, cheapest first: AND evaluates its operands in this order, so
// that a range test or a Xapian match runs only over what the posting lists left.
enum class Cost { kPostings = 0, kColumn = 1, kXapian = 2 };

Cost cost_of(const Xapian::Query& q, const ValueRanges& ranges) {
    switch (q.get_type()) {
        case Xapian::Query::LEAF_TERM:
        case Xapian::Query::LEAF_MATCH_ALL:
        case Xapian::Query::LEAF_MATCH_NOTHING:
            return Cost::kPostings;
        case Xapian::Query::OP_VALUE_RANGE:
        case Xapian::Query::OP_VALUE_GE:
        case Xapian::Query::OP_VALUE_LE:
            return ranges.find(q) ? Cost::kColumn : Cost::kXapian;
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_SCALE_WEIGHT:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX: {
            Cost worst = Cost::kPostings;
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
                worst = std::max(worst, cost_of(q.get_subquery(i), ranges));
            return worst;
        }
        default:  // phrases, NEAR, wildcards, ELITE_SET, posting sources
            return Cost::kXapian;
    }
}

// Accepts every document, and throws TimeBudgetExceeded once the deadline has passed.
class DeadlineDecider : public Xapian::MatchDecider {
  public:
    explicit DeadlineDecider(Deadline deadline) : deadline_(deadline) {}
    bool operator()(const Xapian::Document&) const override {
        if ((++seen_ & 1023) == 0)
            check_deadline(deadline_, "counting the match set");
        return true;
    }

  private:
    Deadline deadline_;
    mutable unsigned seen_ = 0;
};

}  // namespace

MatchEvaluator::MatchEvaluator(const Xapian::Database& db, TermSets& terms,
                               const ValueRanges& ranges,
                               std::function<const NumberColumn&(Xapian::valueno)> column_of,
                               Deadline deadline)
    : db_(db),
      terms_(terms),
      ranges_(ranges),
      column_of_(std::move(column_of)),
      deadline_(deadline) {}

DocSet MatchEvaluator::match(const Xapian::Query& query) {
    if (query.empty())
        return DocSet();
    return evaluate(query, nullptr, Xapian::Query());
}

DocSet MatchEvaluator::evaluate(const Xapian::Query& q, const DocSet* within,
                                const Xapian::Query& within_query) {
    check_deadline(deadline_, "counting the match set");
    switch (q.get_type()) {
        case Xapian::Query::LEAF_TERM:
            return *terms_.of(*q.get_terms_begin());
        case Xapian::Query::LEAF_MATCH_ALL:
            return *terms_.of("");
        case Xapian::Query::LEAF_MATCH_NOTHING:
            return DocSet();
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_FILTER:
            return evaluate_and(q, within, within_query, false);
        case Xapian::Query::OP_AND_NOT:
            return evaluate_and(q, within, within_query, true);
        case Xapian::Query::OP_AND_MAYBE:  // the optional part only weighs
        case Xapian::Query::OP_SCALE_WEIGHT:
            return evaluate(q.get_subquery(0), within, within_query);
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX: {
            DocSet out;
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
                out |= evaluate(q.get_subquery(i), within, within_query);
            return out;
        }
        case Xapian::Query::OP_XOR: {
            DocSet out;
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
                out ^= evaluate(q.get_subquery(i), within, within_query);
            return out;
        }
        case Xapian::Query::OP_VALUE_RANGE:
        case Xapian::Query::OP_VALUE_GE:
        case Xapian::Query::OP_VALUE_LE:
            if (const ValueRange* range = ranges_.find(q))
                return in_range(*range, within);
            return matched_by_xapian(q, within_query);
        default:
            return matched_by_xapian(q, within_query);
    }
}

DocSet MatchEvaluator::evaluate_and(const Xapian::Query& q, const DocSet* within,
                                    const Xapian::Query& within_query, bool and_not) {
    // The first operand is what AND_NOT keeps; the others (all of AND's) go cheapest first.
    std::vector<Xapian::Query> rest;
    for (std::size_t i = 1; i < q.get_num_subqueries(); ++i)
        rest.push_back(q.get_subquery(i));
    Xapian::Query first = q.get_subquery(0);
    if (!and_not) {
        rest.push_back(first);
        std::stable_sort(rest.begin(), rest.end(), [&](const auto& a, const auto& b) {
            return cost_of(a, ranges_) < cost_of(b, ranges_);
        });
        first = rest.front();
        rest.erase(rest.begin());
    }
    DocSet out = evaluate(first, within, within_query);
    if (within)
        out &= *within;
    Xapian::Query so_far =
        within_query.empty() ? first : Xapian::Query(Xapian::Query::OP_FILTER, within_query, first);
    for (const auto& operand : rest) {
        if (out.isEmpty())
            break;
        if (and_not) {
            out -= evaluate(operand, &out, so_far);
        } else {
            out &= evaluate(operand, &out, so_far);
            so_far = Xapian::Query(Xapian::Query::OP_FILTER, so_far, operand);
        }
    }
    return out;
}

DocSet MatchEvaluator::in_range(const ValueRange& range, const DocSet* within) {
    const NumberColumn& column = column_of_(range.slot);
    double low = range.begin.value_or(-std::numeric_limits<double>::infinity());
    double high = range.end.value_or(std::numeric_limits<double>::infinity());
    DocSet out;
    std::vector<std::uint32_t> kept;
    auto keep_in_range = [&](const std::uint32_t* ids, std::uint32_t n) {
        kept.clear();
        for (std::uint32_t i = 0; i < n; ++i) {
            if (column.in_range(ids[i], low, high))
                kept.push_back(ids[i]);
        }
        out.addMany(kept.size(), kept.data());
    };
    if (within) {
        for_each_batch(*within, keep_in_range);
    } else {
        for (Xapian::docid id = 1; id < column.number_of.size(); ++id) {
            if (column.in_range(id, low, high))
                kept.push_back(id);
        }
        out.addMany(kept.size(), kept.data());
    }
    return out;
}

DocSet MatchEvaluator::matched_by_xapian(const Xapian::Query& q,
                                         const Xapian::Query& within_query) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(
        within_query.empty() ? q : Xapian::Query(Xapian::Query::OP_FILTER, q, within_query));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    // Enquire::set_time_limit only stops check_at_least, not a match for every document:
    // a decider looks at the clock every 1,024 candidates and stops the match by throwing.
    DeadlineDecider decider(deadline_);
    // The MSet's docids are the combined database's, also over several shards (a MatchSpy
    // would see each shard's own).
    Xapian::MSet mset =
        enquire.get_mset(0, db_.get_doccount(), nullptr, deadline_ ? &decider : nullptr);
    std::vector<std::uint32_t> ids;
    ids.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it)
        ids.push_back(*it);
    DocSet out;
    out.addMany(ids.size(), ids.data());
    return out;
}

}  // namespace gazette
