// Retrieval metrics, trec_eval style: AP, P@k, nDCG@k for one query's ranking against its
// judgements. The relevance benchmark (tests/bench/relevance) cross-checks its Python
// implementation against this one; tests/unit/eval_metrics_test.cc pins hand-computed cases.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace gazette::eval {

// Judgements of one query: document id → grade; relevant when grade > 0, unjudged = 0.
using Judgements = std::map<std::string, int>;
// Document ids, best first. A repeated id counts only at its first position.
using Ranking = std::vector<std::string>;

// Sum over relevant documents retrieved of the precision at their rank, divided by the
// number of relevant documents judged (those not retrieved count 0). 0 without any.
double average_precision(const Ranking& ranking, const Judgements& judged);

// Relevant documents among the first k, divided by k (also when fewer were retrieved).
double precision_at(const Ranking& ranking, const Judgements& judged, unsigned k = 10);

// DCG@k / ideal DCG@k with DCG = Σ grade_i / log2(i + 1), the ideal ranking ordering every
// judged relevant document by grade (trec_eval's ndcg_cut.k). 0 without relevant documents.
double ndcg_at(const Ranking& ranking, const Judgements& judged, unsigned k = 10);

struct QueryScores {
    double ap = 0, p10 = 0, ndcg10 = 0;
};

// Scores every query with at least one relevant document; a query missing from `run`
// scores 0 on every measure.
std::map<std::string, QueryScores> evaluate(const std::map<std::string, Ranking>& run,
                                            const std::map<std::string, Judgements>& qrels);

}  // namespace gazette::eval
