// Scores a run with the C++ metrics module (tests/eval/metrics.h), so run_relevance.py can
// cross-check its Python metrics against it.
//
//   relevance-metrics < {"run": {qid: [docid...]}, "qrels": {qid: {docid: grade}}}
//
// Prints {qid: {"ap": x, "p@10": x, "ndcg@10": x}} for every query with a relevant document.
#include <iostream>
#include <nlohmann/json.hpp>

#include "tests/eval/metrics.h"

int main() try {
    using namespace gazette::eval;
    auto in = nlohmann::json::parse(std::cin);
    std::map<std::string, Ranking> run = in.at("run").get<std::map<std::string, Ranking>>();
    std::map<std::string, Judgements> qrels =
        in.at("qrels").get<std::map<std::string, Judgements>>();
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [qid, s] : evaluate(run, qrels))
        out[qid] = {{"ap", s.ap}, {"p@10", s.p10}, {"ndcg@10", s.ndcg10}};
    std::cout << out.dump() << "\n";
    return 0;
} catch (const std::exception& e) {
    std::cerr << "relevance-metrics: " << e.what() << "\n";
    return 1;
}
