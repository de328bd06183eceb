#include "searcher/engine/match_set/match_sets.h"

#include <algorithm>

#include "common/date.h"
#include "common/fields.h"
#include "common/slots.h"
#include "searcher/engine/match_set/match_evaluator.h"

namespace gazette {
namespace {

std::size_t term_set_budget(std::uintmax_t bytes_on_disk, double share) {
    if (bytes_on_disk == 0)
        return kTermSetBudgetDefault;
    return static_cast<std::size_t>(static_cast<double>(bytes_on_disk) * share);
}

// The values `counts` (by value number) holds at least once, with their counts, in value
// number order.
std::vector<FacetValue> counted_values(const std::vector<std::string>& values,
                                       const std::vector<Xapian::doccount>& counts) {
    std::vector<FacetValue> out;
    for (std::size_t n = 1; n < counts.size(); ++n) {
        if (counts[n] > 0)
            out.push_back({values[n - 1], counts[n]});
    }
    return out;
}

// The same folded into one value per spelling group (fold_facet_values), most first, ties by
// value (as FacetCollector orders them), `size` at most.
std::vector<FacetValue> top_values(const std::vector<std::string>& values,
                                   const std::vector<Xapian::doccount>& counts, unsigned size) {
    std::vector<FacetValue> out = fold_facet_values(counted_values(values, counts));
    std::sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (out.size() > size)
        out.resize(size);
    return out;
}

// Each column's counts by value number, columns[c]'s in out[c]: the match set is read once
// for all of them, a batch of ids at a time, and each column counted over the batch (reading
// the bitmap was a third of the cost of counting one column).
std::vector<std::vector<Xapian::doccount>> count_numbers(
    const DocSet& matches, const std::vector<const ValueColumn*>& columns) {
    std::vector<std::vector<Xapian::doccount>> out;
    for (const ValueColumn* column : columns)
        out.emplace_back(column->values.size() + 1, 0);
    for_each_batch(matches, [&](const std::uint32_t* ids, std::uint32_t n) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const std::uint32_t* number_of = columns[c]->number_of.data();
            const std::size_t known = columns[c]->number_of.size();
            Xapian::doccount* counts = out[c].data();
            for (std::uint32_t i = 0; i < n; ++i) {
                if (ids[i] < known)
                    ++counts[number_of[ids[i]]];
            }
        }
    });
    return out;
}

std::vector<Xapian::doccount> count_numbers(const DocSet& matches, const ValueColumn& column) {
    return std::move(count_numbers(matches, {&column}).front());
}

std::vector<Xapian::doccount> count_numbers(const DocSet& matches, const ListColumn& column) {
    std::vector<Xapian::doccount> counts(column.values.size() + 1, 0);
    const std::size_t known = column.first.size() - 1;
    for_each_batch(matches, [&](const std::uint32_t* ids, std::uint32_t n) {
        for (std::uint32_t i = 0; i < n; ++i) {
            if (ids[i] >= known)
                continue;
            for (std::uint32_t k = column.first[ids[i]]; k < column.first[ids[i] + 1]; ++k)
                ++counts[column.numbers[k]];
        }
    });
    return counts;
}

}  // namespace

MatchSets::MatchSets(Xapian::Database db, std::uintmax_t bytes_on_disk, double budget_share)
    : db_(db), terms_(db, term_set_budget(bytes_on_disk, budget_share)) {}

DocSet MatchSets::match(const Xapian::Query& query, const ValueRanges& ranges, Deadline deadline) {
    MatchEvaluator evaluator(
        db_, terms_, ranges,
        [this](Xapian::valueno slot) -> const NumberColumn& { return number_column(slot); },
        deadline);
    return evaluator.match(query);
}

std::vector<FacetResult> MatchSets::facets(const DocSet& matches,
                                           const std::vector<std::string>& names, unsigned size) {
    std::vector<FacetResult> out(names.size());
    std::vector<const ValueColumn*> single;  // the single-valued facets, counted together
    std::vector<std::size_t> single_at;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const FacetSpec& facet = *find_facet(names[i]);
        out[i].name = names[i];
        if (facet.is_list) {
            const ListColumn& column = list_column(facet.slot);
            out[i].values = top_values(column.values, count_numbers(matches, column), size);
        } else {
            single.push_back(&value_column(facet.slot));
            single_at.push_back(i);
        }
    }
    std::vector<std::vector<Xapian::doccount>> counts = count_numbers(matches, single);
    for (std::size_t k = 0; k < single.size(); ++k)
        out[single_at[k]].values = top_values(single[k]->values, counts[k], size);
    return out;
}

std::vector<DayCount> MatchSets::day_counts(const DocSet& matches) {
    const ValueColumn& column = value_column(kSlotDay);
    std::vector<Xapian::doccount> counts = count_numbers(matches, column);
    std::vector<DayCount> out;
    for (const auto& [day, number] : days_in_order()) {
        if (counts[number])
            out.push_back(DayCount{day, counts[number]});
    }
    return out;
}

const std::vector<std::pair<long long, std::uint32_t>>& MatchSets::days_in_order() {
    if (!days_in_order_) {
        const ValueColumn& column = value_column(kSlotDay);
        std::vector<std::pair<long long, std::uint32_t>> days;
        for (std::size_t i = 0; i < column.values.size(); ++i) {
            long long day = 0;
            if (parse_compact_day(column.values[i], day))
                days.emplace_back(day, static_cast<std::uint32_t>(i + 1));
        }
        std::sort(days.begin(), days.end());
        days_in_order_ = std::move(days);
    }
    return *days_in_order_;
}

std::size_t MatchSets::memory_bytes() const {
    std::size_t n = terms_.memory_bytes();
    for (const auto& [slot, column] : values_)
        n += column.memory_bytes();
    for (const auto& [slot, column] : lists_)
        n += column.memory_bytes();
    for (const auto& [slot, column] : numbers_)
        n += column.memory_bytes();
    if (days_in_order_)
        n += days_in_order_->capacity() * sizeof(days_in_order_->front());
    return n;
}

const ValueColumn& MatchSets::value_column(Xapian::valueno slot) {
    auto it = values_.find(slot);
    if (it == values_.end())
        it = values_.emplace(slot, read_value_column(db_, slot)).first;
    return it->second;
}

const ListColumn& MatchSets::list_column(Xapian::valueno slot) {
    auto it = lists_.find(slot);
    if (it == lists_.end())
        it = lists_.emplace(slot, read_list_column(db_, slot)).first;
    return it->second;
}

const NumberColumn& MatchSets::number_column(Xapian::valueno slot) {
    auto it = numbers_.find(slot);
    if (it == numbers_.end())
        it = numbers_.emplace(slot, read_number_column(db_, slot)).first;
    return it->second;
}

}  // namespace gazette
