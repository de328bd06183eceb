"""Standard (trec_eval-style) retrieval metrics.

A ranking is a list of document ids, best first. Judgements for one query are
{docid: grade}; a document is relevant when its grade is > 0. Documents missing from
the judgements are not relevant. A document id repeated in a ranking counts only at
its first position (later copies are dropped, as if they were not there).

* AP: sum over the relevant documents retrieved of the precision at their rank,
  divided by the number of relevant documents judged (so relevant documents that are
  not retrieved count as zero). MAP is the mean over queries with at least one
  relevant document.
* P@k: relevant documents among the first k, divided by k (even when fewer than k
  were retrieved).
* nDCG@k: DCG = sum over ranks i = 1..k of gain_i / log2(i + 1), gain = grade (1 for
  binary judgements); divided by the DCG of the ideal ranking, which orders all the
  judged relevant documents by grade. Same as trec_eval's ndcg_cut.k.
"""

from __future__ import annotations

import math


def _dedup(ranking):
    seen = set()
    out = []
    for d in ranking:
        if d not in seen:
            seen.add(d)
            out.append(d)
    return out


def num_relevant(judged: dict) -> int:
    return sum(1 for g in judged.values() if g > 0)


def average_precision(ranking, judged: dict) -> float:
    r = num_relevant(judged)
    if r == 0:
        return 0.0
    hits = 0
    total = 0.0
    for i, d in enumerate(_dedup(ranking), start=1):
        if judged.get(d, 0) > 0:
            hits += 1
            total += hits / i
    return total / r


def precision_at(ranking, judged: dict, k: int = 10) -> float:
    top = _dedup(ranking)[:k]
    return sum(1 for d in top if judged.get(d, 0) > 0) / k


def dcg(gains) -> float:
    return sum(g / math.log2(i + 1) for i, g in enumerate(gains, start=1))


def ndcg_at(ranking, judged: dict, k: int = 10) -> float:
    ideal = sorted((g for g in judged.values() if g > 0), reverse=True)[:k]
    idcg = dcg(ideal)
    if idcg == 0:
        return 0.0
    gains = [max(judged.get(d, 0), 0) for d in _dedup(ranking)[:k]]
    return dcg(gains) / idcg


def evaluate(run: dict, qrels: dict, k: int = 10) -> dict:
    """Scores a run {qid: ranking} against qrels {qid: {docid: grade}}.

    Every query with at least one relevant document is scored; one absent from the run
    (e.g. because its search failed) scores 0 on every measure. Returns the means and
    the per-query scores.
    """
    per_query = {}
    for qid, judged in qrels.items():
        if num_relevant(judged) == 0:
            continue
        ranking = run.get(qid, [])
        per_query[qid] = {
            "ap": average_precision(ranking, judged),
            f"p@{k}": precision_at(ranking, judged, k),
            f"ndcg@{k}": ndcg_at(ranking, judged, k),
        }
    n = len(per_query)

    def mean(key):
        return sum(v[key] for v in per_query.values()) / n if n else 0.0

    return {
        "queries": n,
        "map": mean("ap"),
        f"p@{k}": mean(f"p@{k}"),
        f"ndcg@{k}": mean(f"ndcg@{k}"),
        "per_query": per_query,
    }
