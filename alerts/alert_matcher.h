// Matches one batch of new articles against every standing query: the batch is indexed
// into an in-memory Xapian database (the same documents the writers build) and each query
// runs over it, so a match means exactly "gazette-search would find this article", filters
// included. Scores are BM25 within the batch.
#pragma once

#include <string>
#include <vector>

#include "alerts/standing_queries.h"
#include "common/article.h"

namespace gazette {

struct Alert {
    std::string name;  // the standing query's
    std::string id;
    std::string title;
    std::string date;
    std::string source;
    std::string url;
    double score = 0;
};

// One JSON line: {"alert", "id", "title", "date", "source", "url", "score"}.
std::string alert_to_json(const Alert& alert);

class AlertMatcher {
  public:
    explicit AlertMatcher(std::vector<StandingQuery> queries) : queries_(std::move(queries)) {}

    // Every (query, article) match of the batch, query by query in file order, best first.
    // An id given twice in the batch counts once (its last version, as in the database).
    std::vector<Alert> match(const std::vector<Article>& batch) const;

    std::size_t size() const { return queries_.size(); }

  private:
    std::vector<StandingQuery> queries_;
};

}  // namespace gazette
