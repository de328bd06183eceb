#!/usr/bin/env python3
"""Benchmark helper (not a test): compares two gazette-search --jsonl outputs of the same
queries, query by query. The score lists must be equal (to 1e-9), and the ids equal among
results whose score is unique within the query (equal scores are ordered by docid, which
differs between one database and shards). Usage: compare_results.py A.jsonl B.jsonl"""
import json, sys
a = [json.loads(l) for l in open(sys.argv[1])]
b = [json.loads(l) for l in open(sys.argv[2])]
assert len(a) == len(b), (len(a), len(b))
same_scores = same_ids = tie_only = 0
bad = []
for i, (x, y) in enumerate(zip(a, b)):
    sx = [round(r["score"], 9) for r in x["results"]]
    sy = [round(r["score"], 9) for r in y["results"]]
    if sx != sy:
        bad.append((i, x["query"], sx[:3], sy[:3]))
        continue
    same_scores += 1
    ix = [r["id"] for r in x["results"]]
    iy = [r["id"] for r in y["results"]]
    if ix == iy:
        same_ids += 1
        continue
    # Differences only among equal scores?
    ok = all(ix[k] == iy[k] or sx.count(sx[k]) > 1 for k in range(len(ix)))
    if ok:
        tie_only += 1
    else:
        bad.append((i, x["query"], list(zip(ix, sx))[:3], list(zip(iy, sy))[:3]))
print("queries %d: same scores %d, same ids %d, ids differing only among equal scores %d, other differences %d"
      % (len(a), same_scores, same_ids, tie_only, len(bad)))
for b_ in bad[:10]:
    print("  ", b_)
sys.exit(1 if bad else 0)
