// Retrieval metrics (tests/eval/metrics.h) on hand-computed cases; the same cases pin the
// Python harness (tests/bench/relevance/test_metrics.py), which run_relevance.py
// cross-checks against this module on every run.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/eval/metrics.h"

namespace gazette::eval {
namespace {

const double kL2_3 = std::log2(3.0), kL2_5 = std::log2(5.0), kL2_6 = std::log2(6.0);

TEST(AveragePrecision, RelevantAtRanks135OfFour) {
    // a, b, c at ranks 1, 3, 5; d never retrieved but counts in R = 4.
    Judgements judged{{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}};
    double ap = average_precision({"a", "x", "b", "y", "c"}, judged);
    EXPECT_DOUBLE_EQ(ap, (1.0 / 1 + 2.0 / 3 + 3.0 / 5) / 4);
    EXPECT_NEAR(ap, 0.5666667, 1e-7);
}

TEST(AveragePrecision, PerfectNothingAndEdgeCases) {
    Judgements judged{{"a", 1}, {"b", 2}};
    EXPECT_DOUBLE_EQ(average_precision({"b", "a", "z"}, judged), 1.0);
    EXPECT_DOUBLE_EQ(average_precision({"x", "y"}, judged), 0.0);
    EXPECT_DOUBLE_EQ(average_precision({}, judged), 0.0);
    EXPECT_DOUBLE_EQ(average_precision({"w", "x", "y", "a"}, {{"a", 1}}), 0.25);
    // Grades 0 and below are not relevant: R = 1, b at rank 2.
    EXPECT_DOUBLE_EQ(average_precision({"a", "b", "c"}, {{"a", 0}, {"b", 1}, {"c", -1}}), 0.5);
    // A repeated id counts once: [a, a, b] reads as [a, b].
    EXPECT_DOUBLE_EQ(average_precision({"a", "a", "b"}, {{"a", 1}, {"b", 1}}), 1.0);
    EXPECT_DOUBLE_EQ(average_precision({"a"}, {{"a", 0}}), 0.0);
}

TEST(PrecisionAt, DividesByKAndLooksOnlyAtTheTop) {
    Judgements judged{{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}};
    EXPECT_DOUBLE_EQ(precision_at({"a", "x", "b", "y", "c"}, judged, 10), 0.3);
    Ranking late;
    for (int i = 0; i < 10; ++i)
        late.push_back("n" + std::to_string(i));
    late.push_back("a");
    EXPECT_DOUBLE_EQ(precision_at(late, {{"a", 1}}, 10), 0.0);
    EXPECT_DOUBLE_EQ(precision_at({"a", "x", "b"}, {{"a", 1}, {"b", 1}}, 2), 0.5);
    EXPECT_DOUBLE_EQ(precision_at({"a", "b"}, {{"a", 3}, {"b", 1}}, 10), 0.2);
}

TEST(NdcgAt, BinaryAndGraded) {
    Judgements binary{{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}};
    double got = ndcg_at({"a", "x", "b", "y", "c"}, binary, 10);
    // DCG: ranks 1, 3, 5; ideal: ranks 1..4.
    EXPECT_DOUBLE_EQ(got, (1 + 1.0 / 2 + 1 / kL2_6) / (1 + 1 / kL2_3 + 1.0 / 2 + 1 / kL2_5));
    EXPECT_NEAR(got, 0.7365897, 1e-6);
    Judgements graded{{"a", 3}, {"b", 1}, {"c", 2}};
    got = ndcg_at({"b", "a", "x"}, graded, 10);
    // DCG: 1/1 + 3/log2(3); ideal order a, c, b: 3 + 2/log2(3) + 1/2.
    EXPECT_DOUBLE_EQ(got, (1 + 3 / kL2_3) / (3 + 2 / kL2_3 + 1.0 / 2));
    EXPECT_NEAR(got, 0.6074915, 1e-6);
    EXPECT_DOUBLE_EQ(ndcg_at({"a"}, {{"a", 0}}, 10), 0.0);
    EXPECT_DOUBLE_EQ(ndcg_at({"a", "b"}, {{"b", 1}}, 1), 0.0);  // cut at k
}

TEST(Evaluate, SkipsUnjudgedQueriesAndScoresMissingOnesZero) {
    std::map<std::string, Judgements> qrels{
        {"1", {{"a", 1}}}, {"2", {{"b", 1}}}, {"3", {{"c", 0}}}};
    auto scores = evaluate({{"1", {"a"}}}, qrels);
    ASSERT_EQ(scores.size(), 2u);
    EXPECT_DOUBLE_EQ(scores["1"].ap, 1.0);
    EXPECT_DOUBLE_EQ(scores["1"].p10, 0.1);
    EXPECT_DOUBLE_EQ(scores["1"].ndcg10, 1.0);
    EXPECT_DOUBLE_EQ(scores["2"].ap, 0.0);
}

}  // namespace
}  // namespace gazette::eval
