#include "tests/eval/metrics.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace gazette::eval {
namespace {

Ranking first_occurrences(const Ranking& ranking, std::size_t limit) {
    Ranking out;
    std::set<std::string> seen;
    for (const auto& id : ranking) {
        if (out.size() == limit)
            break;
        if (seen.insert(id).second)
            out.push_back(id);
    }
    return out;
}

int grade_of(const Judgements& judged, const std::string& id) {
    auto it = judged.find(id);
    return it == judged.end() ? 0 : std::max(it->second, 0);
}

double dcg(const std::vector<int>& gains) {
    double sum = 0;
    for (std::size_t i = 0; i < gains.size(); ++i)
        sum += gains[i] / std::log2(i + 2.0);
    return sum;
}

}  // namespace

double average_precision(const Ranking& ranking, const Judgements& judged) {
    std::size_t relevant = 0;
    for (const auto& [id, grade] : judged)
        relevant += grade > 0;
    if (relevant == 0)
        return 0;
    double total = 0;
    std::size_t hits = 0;
    Ranking unique = first_occurrences(ranking, ranking.size());
    for (std::size_t i = 0; i < unique.size(); ++i) {
        if (grade_of(judged, unique[i]) > 0)
            total += static_cast<double>(++hits) / (i + 1);
    }
    return total / relevant;
}

double precision_at(const Ranking& ranking, const Judgements& judged, unsigned k) {
    if (k == 0)
        return 0;
    std::size_t hits = 0;
    for (const auto& id : first_occurrences(ranking, k))
        hits += grade_of(judged, id) > 0;
    return static_cast<double>(hits) / k;
}

double ndcg_at(const Ranking& ranking, const Judgements& judged, unsigned k) {
    std::vector<int> ideal;
    for (const auto& [id, grade] : judged) {
        if (grade > 0)
            ideal.push_back(grade);
    }
    std::sort(ideal.rbegin(), ideal.rend());
    if (ideal.size() > k)
        ideal.resize(k);
    double best = dcg(ideal);
    if (best == 0)
        return 0;
    std::vector<int> gains;
    for (const auto& id : first_occurrences(ranking, k))
        gains.push_back(grade_of(judged, id));
    return dcg(gains) / best;
}

std::map<std::string, QueryScores> evaluate(const std::map<std::string, Ranking>& run,
                                            const std::map<std::string, Judgements>& qrels) {
    std::map<std::string, QueryScores> out;
    static const Ranking kNone;
    for (const auto& [qid, judged] : qrels) {
        bool any = std::any_of(judged.begin(), judged.end(), [](auto& j) { return j.second > 0; });
        if (!any)
            continue;
        auto it = run.find(qid);
        const Ranking& ranking = it == run.end() ? kNone : it->second;
        out[qid] = {average_precision(ranking, judged), precision_at(ranking, judged, 10),
                    ndcg_at(ranking, judged, 10)};
    }
    return out;
}

}  // namespace gazette::eval
