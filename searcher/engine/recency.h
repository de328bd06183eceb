// The recency boost: relevance blended with freshness using only Xapian's built-in
// ValueMapPostingSource, so the same query also runs on remote shards.
//
//   score = BM25 + weight × 0.5^(age_days / half_life_days)
//
// age_days counts whole days from the article's day (slot kSlotDay) to `now`, at least 0.
// The boost is rounded to a thousandth of `weight`, so with a huge half-life every dated
// article gets exactly `weight` and the order is the plain relevance order. Undated
// articles get no boost. Boosts below a thousandth of `weight` are left out of the map.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <tuple>

#include "searcher/request/search_request.h"

namespace gazette {

// The boost for an article `age_days` old (the formula above, rounded).
double recency_boost(double age_days, const RecencyOptions& options);

// A query that matches every dated document with its boost as weight; combine it with
// OP_AND_MAYBE. Empty when the database has no dated documents.
Xapian::Query recency_query(const Xapian::Database& db, const RecencyOptions& options);

// Remembers recency queries by everything they depend on (the day of `now`, half-life,
// weight, the database's date range): building the day → boost map costs more than many
// searches when the archive spans decades, and a service asks for the same one all day.
class RecencyQueryCache {
  public:
    Xapian::Query get(const Xapian::Database& db, const RecencyOptions& options);

  private:
    static constexpr std::size_t kMaxEntries = 64;
    std::map<std::tuple<long long, double, double, std::string, std::string>, Xapian::Query> cache_;
};

}  // namespace gazette
