#!/usr/bin/env python3
"""Benchmark (not a test): what filters, sorting, recency and facets cost on top of a plain
query. Same queries, same run, same database; each variant's latency is the searcher's own
took_ms (parse + match + fetch + snippets) from `gazette-search --jsonl`, and each variant is
run ROUNDS times, interleaved, keeping the per-query median over rounds to damp the noise of a
shared 2-core machine. Prints median and p99 per variant and the ratio to the plain query.

Usage: search_features_bench.py [--db DB] [--queries N] [--rounds R] [--json OUT]
Without --db it builds one from Reuters-21578 + BBC + HuffPost in ../shared (about 30 s).
"""
import argparse
import glob
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("GAZETTE_SHARED", os.path.join(os.path.dirname(REPO), "shared"))
BIN = os.path.join(REPO, "build", "bin")

VARIANTS = {
    "plain": {},
    "filter source": {"source": "reuters"},
    "filter date range": {"from": "1987-03-01", "to": "1987-04-30"},
    "sort newest": {"sort": "newest"},
    "sort recency": {"sort": "recency", "half_life": "30", "now": "1987-10-20"},
    "facets source,section,year,month": {"facets": "source,section,year,month"},
    "facets + tag,place (list fields)": {"facets": "source,section,year,month,tag,place"},
}


def build_db(work):
    db = os.path.join(work, "bench.db")
    huff = os.path.join(work, "huffpost.jsonl")
    with open(huff, "w") as out:
        subprocess.run([sys.executable, os.path.join(REPO, "tests", "e2e", "huffpost_to_jsonl.py"),
                        os.path.join(SHARED, "corpora", "huffpost-news-category-sample",
                                     "News_Category_Dataset_v2.json")], stdout=out, check=True)
    subprocess.run([os.path.join(BIN, "gazette-index"), "--db", db, "--quiet", huff,
                    *sorted(glob.glob(os.path.join(SHARED, "corpora", "reuters21578", "reut2-*.sgm")))],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([os.path.join(BIN, "gazette-index"), "--db", db, "--quiet", "--source", "BBC",
                    "--exclude", "README*", os.path.join(SHARED, "corpora", "bbc-news", "bbc")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return db


def make_queries(n, seed=42):
    """1-3 word queries drawn from Reuters headlines (deterministic)."""
    words = []
    for path in sorted(glob.glob(os.path.join(SHARED, "corpora", "reuters21578", "reut2-00*.sgm"))):
        text = open(path, "rb").read().decode("latin-1")
        for title in re.findall(r"<TITLE>(.*?)</TITLE>", text):
            words.extend(w.lower() for w in re.findall(r"[A-Za-z]{4,}", title))
    rng = random.Random(seed)
    return [" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))) for _ in range(n)]


def run_variant(db, queries, options):
    lines = "".join(json.dumps({"query": q, "limit": 10, **options}) + "\n" for q in queries)
    out = subprocess.run([os.path.join(BIN, "gazette-search"), "--db", db, "--jsonl"],
                         input=lines, capture_output=True, text=True, check=True)
    answers = [json.loads(line) for line in out.stdout.splitlines()]
    errors = [a for a in answers if "error" in a]
    if errors:
        raise RuntimeError("errors: %s" % errors[:3])
    return [a["took_ms"] for a in answers]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db")
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="gazette-bench-")
    db = args.db or build_db(work)
    queries = make_queries(args.queries)
    timings = {name: [] for name in VARIANTS}
    for _ in range(args.rounds):
        for name, options in VARIANTS.items():
            timings[name].append(run_variant(db, queries, options))
    per_query = {name: [statistics.median(r[i] for r in rounds) for i in range(len(queries))]
                 for name, rounds in timings.items()}
    base_med = statistics.median(per_query["plain"])
    base_p99 = percentile(per_query["plain"], 99)
    rows = []
    print("%d queries, %d rounds, database %s" % (len(queries), args.rounds, db))
    print("| variant | median ms | p99 ms | median / plain | p99 / plain |")
    print("|---|---:|---:|---:|---:|")
    for name, values in per_query.items():
        med, p99 = statistics.median(values), percentile(values, 99)
        rows.append({"variant": name, "median_ms": med, "p99_ms": p99,
                     "median_ratio": med / base_med, "p99_ratio": p99 / base_p99})
        print("| %s | %.3f | %.3f | %.2f | %.2f |" % (name, med, p99, med / base_med, p99 / base_p99))
    if args.json:
        json.dump(rows, open(args.json, "w"), indent=1)
    if not args.db:
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
