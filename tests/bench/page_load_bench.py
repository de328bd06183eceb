#!/usr/bin/python3
"""The search page's own requests under load: `gazette-search serve` on 127.0.0.1, wrk at
--connections connections, each search asked once (first seen).

Usage: page_load_bench.py --db DB --bin BUILD/bin [--connections 8] [--duration 10]
                          [--workers N] [--pairs 8000] [--seed 2]

The page asks two things per search (searcher/server/assets/app.js): /api/search with
limit=10 and facets=source,section,year, then /api/timeline with interval=auto, for the same
query and filters. The URLs are such pairs for queries drawn as page_bench.py draws them (the
same mix), each pair once: wrk runs one thread over the list in order (server_mix.lua) and the
list is longer than the run, so no query is asked twice. Before the measured run the server
answers a warm-up run of other queries. Prints requests/s, p50 and p99 latency and errors
(socket errors + non-2xx answers).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import random

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import page_bench  # noqa: E402  (the query mix)

import xapian  # noqa: E402  (page_bench says how to install it)


def urls_for(requests):
    out = []
    for request in requests:
        params = {k: v for k, v in request[0].items()}
        params["q"] = params.pop("query")
        search = dict(params, limit="10", facets="source,section,year")
        timeline = dict(params, interval="auto")
        out.append("/api/search?" + urllib.parse.urlencode(search))
        out.append("/api/timeline?" + urllib.parse.urlencode(timeline))
    return out


def wrk(url, script, urls_file, connections, seconds):
    p = subprocess.run(["wrk", "-t1", "-c%d" % connections, "-d%ds" % seconds, "--latency",
                        "-s", script, url, "--", urls_file],
                       capture_output=True, text=True, check=True)
    line = [l for l in p.stdout.splitlines() if l.startswith("RESULT")]
    if not line:
        sys.exit("page_load_bench: wrk printed no RESULT line:\n" + p.stdout + p.stderr)
    return dict(kv.split("=") for kv in line[0].split()[1:])


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--workers", type=int, help="serve --threads (default: the server's)")
    ap.add_argument("--pairs", type=int, default=8000)
    ap.add_argument("--seed", type=int, default=2)
    args = ap.parse_args()

    db = xapian.Database(args.db)
    mix = page_bench.query_mix(db, random.Random(args.seed), 2 * args.pairs)
    # Each query text once in all: the warm-up and the measured list share none.
    seen, unique = set(), []
    for request in mix:
        key = tuple(sorted(request[0].items()))
        if key not in seen:
            seen.add(key)
            unique.append(request)
    half = len(unique) // 2
    work = tempfile.mkdtemp()
    warm_file, measured_file = os.path.join(work, "warm.txt"), os.path.join(work, "urls.txt")
    with open(warm_file, "w") as f:
        f.write("\n".join(urls_for(unique[:half])) + "\n")
    measured = urls_for(unique[half:])
    with open(measured_file, "w") as f:
        f.write("\n".join(measured) + "\n")

    command = [os.path.join(args.bin, "gazette-search"), "serve", "--db", args.db,
               "--listen", "127.0.0.1:0", "--quiet"]
    if args.workers:
        command += ["--threads", str(args.workers)]
    log = open(os.path.join(work, "server.log"), "w+")
    server = subprocess.Popen(command, stderr=log)
    try:
        url = None
        for _ in range(400):
            log.seek(0)
            m = re.search(r"http://127\.0\.0\.1:\d+", log.read())
            if m:
                url = m.group(0)
                break
            time.sleep(0.05)
        if not url:
            sys.exit("page_load_bench: the server did not start")
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "server_mix.lua")
        wrk(url, script, warm_file, args.connections, max(2, args.duration // 3))
        r = wrk(url, script, measured_file, args.connections, args.duration)
    finally:
        server.terminate()
        server.wait()
    requests = int(r["requests"])
    errors = sum(int(r[k]) for k in ("connect", "read", "write", "status", "timeout"))
    if requests > len(measured):
        print("WARNING: %d requests over %d URLs: some were asked twice" % (requests, len(measured)))
    print("index %s (%d articles), %d connections, %d s, page pairs (search + facets, timeline), "
          "each URL once" % (args.db, db.get_doccount(), args.connections, args.duration))
    print("requests/s %.0f   p50 %.1f ms   p99 %.1f ms   errors %d (of %d requests)"
          % (requests / (int(r["duration_us"]) / 1e6), int(r["p50_us"]) / 1000,
             int(r["p99_us"]) / 1000, errors, requests))


if __name__ == "__main__":
    main()
