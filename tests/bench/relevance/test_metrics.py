"""Hand-computed cases for metrics.py. Run: python3 -m unittest (in this folder)."""

import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from metrics import average_precision, dcg, evaluate, ndcg_at, precision_at  # noqa: E402

L2_3 = math.log2(3)  # discount at rank 2
L2_5 = math.log2(5)  # discount at rank 4
L2_6 = math.log2(6)  # discount at rank 5


class AveragePrecision(unittest.TestCase):
    def test_relevant_at_1_3_5_of_four(self):
        # relevant a, b, c at ranks 1, 3, 5; d never retrieved but counts in R = 4
        judged = {"a": 1, "b": 1, "c": 1, "d": 1}
        ap = average_precision(["a", "x", "b", "y", "c"], judged)
        self.assertAlmostEqual(ap, (1 / 1 + 2 / 3 + 3 / 5) / 4)
        self.assertAlmostEqual(ap, 0.5666666666666667)

    def test_perfect_and_nothing(self):
        judged = {"a": 1, "b": 2}
        self.assertAlmostEqual(average_precision(["b", "a", "z"], judged), 1.0)
        self.assertEqual(average_precision(["x", "y"], judged), 0.0)
        self.assertEqual(average_precision([], judged), 0.0)

    def test_single_relevant_at_rank_4(self):
        self.assertAlmostEqual(average_precision(["w", "x", "y", "a"], {"a": 1}), 0.25)

    def test_grade_zero_or_negative_is_not_relevant(self):
        judged = {"a": 0, "b": 1, "c": -1}
        # R = 1; b at rank 2 -> 1/2
        self.assertAlmostEqual(average_precision(["a", "b", "c"], judged), 0.5)

    def test_duplicates_count_once(self):
        # [a, a, b] is read as [a, b]: (1/1 + 2/2) / 2
        self.assertAlmostEqual(average_precision(["a", "a", "b"], {"a": 1, "b": 1}), 1.0)

    def test_no_relevant_documents(self):
        self.assertEqual(average_precision(["a"], {"a": 0}), 0.0)


class PrecisionAt(unittest.TestCase):
    def test_divides_by_k_even_when_short(self):
        judged = {"a": 1, "b": 1, "c": 1, "d": 1}
        self.assertAlmostEqual(precision_at(["a", "x", "b", "y", "c"], judged, 10), 0.3)

    def test_only_top_k(self):
        ranking = [f"n{i}" for i in range(10)] + ["a"]
        self.assertEqual(precision_at(ranking, {"a": 1}, 10), 0.0)
        self.assertAlmostEqual(precision_at(["a", "x", "b"], {"a": 1, "b": 1}, 2), 0.5)

    def test_graded_counts_as_relevant(self):
        self.assertAlmostEqual(precision_at(["a", "b"], {"a": 3, "b": 1}, 10), 0.2)


class NdcgAt(unittest.TestCase):
    def test_dcg(self):
        self.assertAlmostEqual(dcg([3, 2, 0, 1]), 3 + 2 / L2_3 + 0 + 1 / L2_5)

    def test_binary(self):
        judged = {"a": 1, "b": 1, "c": 1, "d": 1}
        got = ndcg_at(["a", "x", "b", "y", "c"], judged, 10)
        # DCG: ranks 1, 3, 5 -> 1 + 1/2 + 1/log2(6); ideal: ranks 1..4
        want = (1 + 1 / 2 + 1 / L2_6) / (1 + 1 / L2_3 + 1 / 2 + 1 / L2_5)
        self.assertAlmostEqual(got, want)
        self.assertAlmostEqual(got, 0.7365897, places=6)

    def test_graded(self):
        judged = {"a": 3, "b": 1, "c": 2}
        got = ndcg_at(["b", "a", "x"], judged, 10)
        # DCG: 1/1 + 3/log2(3); ideal order a, c, b: 3 + 2/log2(3) + 1/2
        want = (1 + 3 / L2_3) / (3 + 2 / L2_3 + 1 / 2)
        self.assertAlmostEqual(got, want)
        self.assertAlmostEqual(got, 0.6074915, places=6)

    def test_ideal_is_truncated_at_k(self):
        # 3 relevant documents, k = 2: ideal DCG uses only the best two grades
        judged = {"a": 1, "b": 2, "c": 3}
        got = ndcg_at(["a", "b"], judged, 2)
        want = (1 + 2 / L2_3) / (3 + 2 / L2_3)
        self.assertAlmostEqual(got, want)

    def test_perfect_is_one_and_nothing_is_zero(self):
        judged = {"a": 2, "b": 1}
        self.assertAlmostEqual(ndcg_at(["a", "b", "x"], judged, 10), 1.0)
        self.assertEqual(ndcg_at(["x"], judged, 10), 0.0)
        self.assertEqual(ndcg_at([], judged, 10), 0.0)
        self.assertEqual(ndcg_at(["a"], {"a": 0}, 10), 0.0)

    def test_negative_grade_gives_no_gain(self):
        judged = {"a": -1, "b": 1}
        self.assertAlmostEqual(ndcg_at(["a", "b"], judged, 10), (1 / L2_3) / 1)


class Evaluate(unittest.TestCase):
    def test_means_skip_unjudged_and_count_missing_as_zero(self):
        qrels = {
            "1": {"a": 1, "b": 1},  # AP (1/1 + 2/3)/2, P@10 0.2
            "2": {"c": 1},  # not in the run (failed): 0 everywhere
            "3": {"x": 0},  # no relevant document: not scored
        }
        run = {"1": ["a", "z", "b"], "3": ["x"], "4": ["q"]}
        res = evaluate(run, qrels, k=10)
        self.assertEqual(res["queries"], 2)
        self.assertEqual(sorted(res["per_query"]), ["1", "2"])
        self.assertAlmostEqual(res["map"], ((1 + 2 / 3) / 2 + 0) / 2)
        self.assertAlmostEqual(res["p@10"], (0.2 + 0) / 2)
        ndcg1 = (1 + 1 / 2) / (1 + 1 / L2_3)
        self.assertAlmostEqual(res["ndcg@10"], ndcg1 / 2)
        self.assertEqual(res["per_query"]["2"], {"ap": 0.0, "p@10": 0.0, "ndcg@10": 0.0})

    def test_empty(self):
        res = evaluate({}, {}, k=10)
        self.assertEqual((res["queries"], res["map"], res["p@10"], res["ndcg@10"]), (0, 0.0, 0.0, 0.0))


if __name__ == "__main__":
    unittest.main()
