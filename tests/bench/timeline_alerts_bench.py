#!/usr/bin/env python3
"""Cost of timelines and of standing-query alerts.

1. `/api/timeline?interval=month` against the plain `/api/search` (limit 10, snippets) for the
   same queries on the same index (Reuters-21578 + HuffPost), measured in-process (took_ms of
   the answers, from a running gazette-search serve; no HTTP or process start-up in it):
   median and p99 over ROUNDS rounds of the query mix.
2. Alert matching: 1,000 standing queries (word pairs, single words, phrases and filtered
   queries drawn from the batch's own vocabulary) over one batch of 10,000 synthetic
   articles (gazette-generate), as articles per second of the whole indexing run, against
   indexing the same batch into a fresh database without --alerts.

Usage: timeline_alerts_bench.py [BIN_DIR] [SHARED_DIR]   (defaults: build/bin, ../shared)
Environment: BENCH_ROUNDS (default 20), BENCH_RUNS (indexing runs each way, default 3)."""
import glob
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/bin"
SHARED = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("GAZETTE_SHARED", "../shared")
HERE = os.path.dirname(os.path.abspath(__file__))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
QUERIES = ["cocoa", "oil prices", "trump", "interest rates", "wheat exports", "coffee",
           "election", "yen dollar", "opec", "gold", "bank", "health care", "trade deficit",
           "\"money supply\"", "tag:grain", "world cup", "stocks", "japan", "climate", "police"]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def get(base, path, params):
    with urllib.request.urlopen(base + path + "?" + urllib.parse.urlencode(params)) as res:
        return json.load(res)


def timeline_bench(work):
    db = os.path.join(work, "news.db")
    huff = os.path.join(work, "huffpost.jsonl")
    with open(huff, "w") as out:
        subprocess.run([sys.executable, os.path.join(HERE, "..", "e2e", "huffpost_to_jsonl.py"),
                        os.path.join(SHARED, "corpora", "huffpost-news-category-sample",
                                     "News_Category_Dataset_v2.json")], stdout=out, check=True)
    subprocess.run([os.path.join(BIN, "gazette-index"), "--db", db, "--quiet", huff,
                    *sorted(glob.glob(os.path.join(SHARED, "corpora", "reuters21578", "reut2-*.sgm")))],
                   capture_output=True)
    log = open(os.path.join(work, "serve.log"), "w")
    proc = subprocess.Popen([os.path.join(BIN, "gazette-search"), "serve", "--db", db, "--listen",
                             "127.0.0.1:0", "--quiet", "--threads", "1"], stderr=log)
    try:
        base = None
        for _ in range(400):
            m = re.search(r"http://127\.0\.0\.1:\d+", open(log.name).read())
            if m:
                base = m.group(0)
                break
            time.sleep(0.05)
        kinds = {"search": ("/api/search", {"limit": "10"}),
                 "timeline month": ("/api/timeline", {"interval": "month"}),
                 "timeline month, normalized": ("/api/timeline", {"interval": "month", "normalize": "true"})}
        took = {k: [] for k in kinds}
        for q in QUERIES:  # warm-up
            for path, extra in kinds.values():
                get(base, path, {"q": q, **extra})
        for _ in range(ROUNDS):
            for q in QUERIES:
                for kind, (path, extra) in kinds.items():
                    took[kind].append(get(base, path, {"q": q, **extra})["took_ms"])
        docs = get(base, "/healthz", {})["documents"]
    finally:
        proc.terminate()
        proc.wait()
    print("== timeline vs plain search: %d articles, %d queries x %d rounds, in-process took_ms"
          % (docs, len(QUERIES), ROUNDS))
    med0 = statistics.median(took["search"])
    for kind, values in took.items():
        print("%-28s median %7.2f ms   p99 %7.2f ms   (median x%.2f of search)"
              % (kind, statistics.median(values), pct(values, 99), statistics.median(values) / med0))


def standing_queries(articles, n, rng):
    words = []
    for a in articles[:2000]:
        words += [w.lower() for w in re.findall(r"[A-Za-z]{5,}", a.get("title", ""))]
    words = sorted(set(words))
    sources = sorted({a.get("source", "") for a in articles if a.get("source")})
    out = []
    for i in range(n):
        kind = i % 4
        if kind == 0:
            q = {"query": "%s %s" % (rng.choice(words), rng.choice(words))}
        elif kind == 1:
            q = {"query": rng.choice(words)}
        elif kind == 2:
            q = {"query": "\"%s %s\"" % (rng.choice(words), rng.choice(words))}
        else:
            q = {"query": rng.choice(words), "source": rng.choice(sources), "from": "2000"}
        q["name"] = "q%04d" % i
        out.append(q)
    return out


def alert_bench(work):
    batch = os.path.join(work, "batch.jsonl")
    with open(batch, "w") as out:
        subprocess.run([os.path.join(BIN, "gazette-generate"), "--count", "10000", "--seed", "7"],
                       stdout=out, check=True)
    articles = [json.loads(l) for l in open(batch)]
    standing = os.path.join(work, "standing.jsonl")
    with open(standing, "w") as f:
        for q in standing_queries(articles, 1000, random.Random(1)):
            f.write(json.dumps(q) + "\n")
    mb = os.path.getsize(batch) // (1 << 20) + 2  # one batch: the whole file
    results = {"without alerts": [], "with 1,000 standing queries": []}
    lines = 0
    for run in range(RUNS):
        for kind in results:
            db = os.path.join(work, "alerts-%d-%d.db" % (run, len(results[kind])) + kind[:4])
            out = os.path.join(work, "alerts-out-%d.jsonl" % run)
            if os.path.exists(out):
                os.remove(out)
            cmd = [os.path.join(BIN, "gazette-index"), "--db", db, "--quiet", "--threads", "2",
                   "--batch-mb", str(mb), batch]
            if kind != "without alerts":
                cmd[1:1] = ["--alerts", standing, "--alerts-out", out]
            start = time.monotonic()
            subprocess.run(cmd, check=True, capture_output=True)
            results[kind].append(time.monotonic() - start)
            if kind != "without alerts":
                lines = sum(1 for _ in open(out))
    print("== alerts: 10,000 articles in one batch (%d MB), --threads 2, %d runs each; %d alert lines"
          % (mb, RUNS, lines))
    base = statistics.median(results["without alerts"])
    for kind, secs in results.items():
        med = statistics.median(secs)
        print("%-28s median %6.2f s   %7.0f articles/s   (x%.2f of the time without alerts)"
              % (kind, med, 10000 / med, med / base))


def main():
    work = tempfile.mkdtemp(prefix="gazette-bench-timeline-")
    timeline_bench(work)
    alert_bench(work)
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
