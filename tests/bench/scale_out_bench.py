#!/usr/bin/env python3
"""Benchmark (not a test): the same queries on one database, on three local shards (a stub
file) and on three remote shards served by xapian-tcpsrv on 127.0.0.1, in one run; and
indexing throughput with --shards equal to the core count against one merged database.
Latency is the searcher's own took_ms from `gazette-search --jsonl` (median over ROUNDS
interleaved rounds per query, then median and p99 over queries).

With --baseline-bin DIR, the gazette-search in DIR (e.g. a build of an older commit) is
measured too, on the same databases and servers, interleaved round by round with the
current one, so that both see the same load (rows marked "baseline").

Usage: scale_out_bench.py [--queries N] [--rounds R] [--baseline-bin DIR] [--skip-throughput]
       (Reuters-21578 + BBC from ../shared)
"""
import argparse
import glob
import importlib.util
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("GAZETTE_SHARED", os.path.join(os.path.dirname(REPO), "shared"))
BUILD_BIN = os.path.join(REPO, "build", "bin")
BIN = BUILD_BIN  # replaced by a private copy in main(): a rebuild during the run changes nothing
spec = importlib.util.spec_from_file_location("features", os.path.join(HERE, "search_features_bench.py"))
features = importlib.util.module_from_spec(spec)
spec.loader.exec_module(features)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def index(db, *args):
    inputs = sorted(glob.glob(os.path.join(SHARED, "corpora", "reuters21578", "reut2-*.sgm")))
    start = time.monotonic()
    subprocess.run([os.path.join(BIN, "gazette-index"), "--db", db, "-q", *args, *inputs],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([os.path.join(BIN, "gazette-index"), "--db", db, "-q", "--source", "BBC", "--exclude",
                    "README*", os.path.join(SHARED, "corpora", "bbc-news", "bbc")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def latencies(dbs, queries, bin_dir=None):
    lines = "".join(json.dumps({"query": q, "limit": 10}) + "\n" for q in queries)
    args = [a for db in dbs for a in ("--db", db)]
    out = subprocess.run([os.path.join(bin_dir or BIN, "gazette-search"), *args, "--jsonl"], input=lines,
                         capture_output=True, text=True, check=True)
    answers = [json.loads(line) for line in out.stdout.splitlines()]
    errors = [a for a in answers if "error" in a]
    if errors:
        raise RuntimeError(errors[:3])
    return [a["took_ms"] for a in answers]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--baseline-bin", help="also measure the gazette-search in this folder")
    ap.add_argument("--skip-throughput", action="store_true",
                    help="leave out the indexing throughput comparison")
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    work = tempfile.mkdtemp(prefix="gazette-scale-bench-")
    global BIN
    BIN = os.path.join(work, "bin")
    os.makedirs(BIN)
    for program in ("gazette-index", "gazette-search"):
        shutil.copy2(os.path.join(BUILD_BIN, program), BIN)
    servers = []
    try:
        single, sharded = os.path.join(work, "single.db"), os.path.join(work, "sharded")
        t_single = index(single, "--threads", str(cores))
        if not args.skip_throughput:
            t_sharded = index(sharded, "--shards", str(cores))
            articles = 21577 + 2225
            print("indexing Reuters + BBC (%d articles): merged, %d writers: %.1f s (%.0f articles/s); "
                  "--shards %d: %.1f s (%.0f articles/s)" % (articles, cores, t_single, articles / t_single,
                                                             cores, t_sharded, articles / t_sharded))
        three = os.path.join(work, "three")
        index(three, "--shards", "3")
        ports = [free_port() for _ in range(3)]
        for i, port in enumerate(ports):
            servers.append(subprocess.Popen(
                ["xapian-tcpsrv", "--interface", "127.0.0.1", "--port", str(port),
                 os.path.join(three, "shard-%d" % i)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        time.sleep(1)
        setups = {"one database": [single], "3 local shards": [three],
                  "3 remote shards (loopback)": ["tcp://127.0.0.1:%d" % p for p in ports]}
        queries = features.make_queries(args.queries)
        programs = {"": None}
        if args.baseline_bin:
            programs[" (baseline)"] = args.baseline_bin
        runs = {name + tag: [] for name in setups for tag in programs}
        for _ in range(args.rounds):
            for name, dbs in setups.items():
                for tag, bin_dir in programs.items():
                    runs[name + tag].append(latencies(dbs, queries, bin_dir))
        print("%d queries, %d rounds" % (len(queries), args.rounds))
        print("| setup | median ms | p99 ms | median / one database |")
        print("|---|---:|---:|---:|")
        base = None
        for name, rounds in runs.items():
            per_query = [statistics.median(r[i] for r in rounds) for i in range(len(queries))]
            med, p99 = statistics.median(per_query), features.percentile(per_query, 99)
            base = base or med
            print("| %s | %.3f | %.3f | %.2f |" % (name, med, p99, med / base))
    finally:
        for s in servers:
            s.terminate()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
