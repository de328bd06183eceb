#!/usr/bin/env python3
"""Turns the raw measurements of index_search_bench.sh into the comparison tables
(Markdown on stdout, JSON to --json). Standard library only.

Input: --runs FILE, a TSV written by the shell script, one line per timed run:
    kind  engine  run  wall_seconds  output_file  max_rss_kb  [index_bytes]
  kind   = index | search
  engine = gazette | gazette-shards | gazette-1t | scriptindex | fts5 (each may be missing: n/a)
  output_file = what the program printed on stdout:
    index/gazette*, index/fts5: a summary line "... holds N articles"
    index/scriptindex: scriptindex's summary ("records (added, replaced, deleted, skipped) = ...")
    search/gazette: gazette-search --jsonl output (took_ms per query)
    search/scriptindex, search/fts5: xapian-enquire-loop / fts5_query_loop.py output
      (microseconds per query, first column)
  max_rss_kb = /usr/bin/time -v's "Maximum resident set size (kbytes)"
  index_bytes = du -sb of the database (index lines only)
--meta KEY=VALUE pairs carry facts about the run (input bytes, versions, notes).
A partial runs.tsv (a run cut short) gives a report with "not run" rows.
"""

import argparse
import json
import math
import re
import statistics
import sys

INDEXERS = [("gazette", "gazette-index, all cores (--threads %s)"),
            ("gazette-shards", "gazette-index --shards %s (all cores, a sharded database)"),
            ("gazette-1t", "gazette-index --threads 1"),
            ("scriptindex", "Xapian scriptindex (peer.scriptindex)"),
            ("fts5", "SQLite FTS5 (sqlite3 shell, one transaction)")]
SEARCHERS = [("gazette", "gazette-search --jsonl (took_ms)"),
             ("gazette-shards", "gazette-search --jsonl --parallel on the shards (took_ms)"),
             ("scriptindex", "Xapian Enquire loop on the scriptindex db"),
             ("fts5", "SQLite FTS5 MATCH ... ORDER BY rank LIMIT 10")]
PEER = "scriptindex"
GOAL_SPEEDUP, GOAL_RSS_MB, GOAL_MEDIAN_MS, GOAL_P99_MS = 3.0, 2000.0, 5.0, 50.0


def p99(values):
    """Nearest-rank 99th percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(0.99 * len(s)) - 1)]


def index_articles(engine, path):
    text = open(path, encoding="utf-8", errors="replace").read()
    if engine == "scriptindex":
        m = re.search(r"records \(added, replaced, deleted, skipped\) = \((\d+), (\d+), (\d+), (\d+)\)", text)
        if not m:
            sys.exit("bench_report: no scriptindex summary in %s" % path)
        added, replaced, deleted, _skipped = (int(x) for x in m.groups())
        return added + replaced - deleted
    m = re.search(r"holds ([\d,]+) articles", text)
    if not m:
        sys.exit("bench_report: no 'holds N articles' in %s" % path)
    return int(m.group(1).replace(",", ""))


def search_output(engine, path):
    """(latencies in ms, errors, zero-hit queries, estimates, spelling corrections)."""
    lat, errors, zero, estimates, corrected = [], 0, 0, [], 0
    for line in open(path, encoding="utf-8"):
        if engine.startswith("gazette"):
            obj = json.loads(line)
            if "error" in obj:
                errors += 1
                estimates.append(None)
                continue
            lat.append(float(obj["took_ms"]))
            estimates.append(int(obj["estimated_total"]))
            zero += not obj["results"]
            corrected += bool(obj.get("corrected") and obj["corrected"] != obj["query"])
        else:
            cols = line.rstrip("\n").split("\t")
            lat.append(float(cols[0]) / 1000.0)
            if cols[1] == "error":
                errors += 1
                estimates.append(None)
                continue
            estimates.append(int(cols[1]) if cols[1].isdigit() else None)
            zero += int(cols[2]) == 0
    return lat, errors, zero, estimates, corrected


def fmt(value, digits):
    if value is None:
        return "n/a"
    return "{:,.{}f}".format(value, digits)


def with_ratio(value, peer, digits):
    if value is None:
        return "n/a"
    if not peer:
        return fmt(value, digits)
    return "%s (%.2f×)" % (fmt(value, digits), value / peer)


def summarise(runs, meta):
    input_bytes = int(meta["input_bytes"])
    index, search = {}, {}
    for engine, _ in INDEXERS:
        per_run = []
        for run, seconds, path, rss_kb, size in runs.get(("index", engine), []):
            n = index_articles(engine, path)
            per_run.append({"run": run, "seconds": seconds, "articles": n, "max_rss_kb": rss_kb,
                            "index_bytes": size,
                            "articles_per_s": n / seconds, "input_mb_per_s": input_bytes / 1e6 / seconds})
        if not per_run:
            continue
        index[engine] = {
            "runs": per_run,
            "median_seconds": statistics.median(r["seconds"] for r in per_run),
            "median_articles_per_s": statistics.median(r["articles_per_s"] for r in per_run),
            "median_input_mb_per_s": statistics.median(r["input_mb_per_s"] for r in per_run),
            "peak_rss_mb": max(r["max_rss_kb"] for r in per_run) * 1024 / 1e6,
            "articles": per_run[-1]["articles"],
            "index_bytes": per_run[-1]["index_bytes"],
        }
    for engine, _ in SEARCHERS:
        per_run = []
        for run, seconds, path, rss_kb, _ in runs.get(("search", engine), []):
            lat, errors, zero, estimates, corrected = search_output(engine, path)
            per_run.append({"run": run, "wall_seconds": seconds, "queries": len(estimates),
                            "errors": errors, "zero_hits": zero, "corrected": corrected,
                            "max_rss_kb": rss_kb, "median_ms": statistics.median(lat),
                            "p99_ms": p99(lat), "mean_ms": statistics.fmean(lat),
                            "_estimates": estimates})
        if not per_run:
            continue
        last = per_run[-1]
        search[engine] = {k: statistics.median(r[k] for r in per_run)
                          for k in ("median_ms", "p99_ms", "mean_ms", "wall_seconds")}
        search[engine].update({k: last[k] for k in ("queries", "errors", "zero_hits", "corrected")})
        search[engine]["_estimates"] = last["_estimates"]
        for r in per_run:
            del r["_estimates"]
        search[engine]["runs"] = per_run
    return index, search


def goals(index, search, articles):
    out = []
    p = index.get(PEER)
    for engine, how in (("gazette", "one database"), ("gazette-shards", "sharded")):
        g = index.get(engine)
        if g and p:
            speedup = g["median_articles_per_s"] / p["median_articles_per_s"]
            out.append("indexing with all cores (%s) >= %.0f× scriptindex: %.2f× — %s" % (
                how, GOAL_SPEEDUP, speedup, "met" if speedup >= GOAL_SPEEDUP else "MISSED"))
    for engine in ("gazette", "gazette-shards", "gazette-1t"):
        if engine in index:
            rss = index[engine]["peak_rss_mb"]
            out.append("peak memory of %s < %.0f MB: %.0f MB — %s" % (
                engine, GOAL_RSS_MB, rss, "met" if rss < GOAL_RSS_MB else "MISSED"))
    for engine, how in (("gazette", "one database"), ("gazette-shards", "shards, --parallel")):
        s = search.get(engine)
        if s:
            out.append("median query (%s) < %.0f ms: %.3f ms — %s" % (
                how, GOAL_MEDIAN_MS, s["median_ms"], "met" if s["median_ms"] < GOAL_MEDIAN_MS else "MISSED"))
            out.append("p99 query (%s) < %.0f ms: %.3f ms — %s" % (
                how, GOAL_P99_MS, s["p99_ms"], "met" if s["p99_ms"] < GOAL_P99_MS else "MISSED"))
    if articles != 1000000:
        out.append("(the goals are stated for 1,000,000 articles; this run has %s)" % fmt(articles, 0))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", required=True)
    ap.add_argument("--meta", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--json", help="also write the results as JSON here")
    args = ap.parse_args()
    meta = dict(kv.split("=", 1) for kv in args.meta)

    runs = {}
    for line in open(args.runs, encoding="utf-8"):
        if line.strip():
            kind, engine, run, seconds, path, rss_kb, *size = line.rstrip("\n").split("\t")
            runs.setdefault((kind, engine), []).append(
                (int(run), float(seconds), path, int(rss_kb), int(size[0]) if size else None))
    index, search = summarise(runs, meta)

    same = None
    if "gazette" in search and PEER in search:
        ge, pe = search["gazette"]["_estimates"], search[PEER]["_estimates"]
        same = sum(1 for a, b in zip(ge, pe) if a is not None and a == b)
    for s in search.values():
        del s["_estimates"]

    out = sys.stdout
    out.write("\n## Benchmark: Gazette vs Xapian scriptindex/Enquire vs SQLite FTS5\n\n")
    facts = [
        "input: %s" % meta.get("input_desc", "?"),
        "runs: %s per measurement (medians; peak memory = the largest of the runs)" % meta["runs"],
        "machine: %s CPUs, load average (1/5/15 min) at start %s, at end %s" % (
            meta.get("cpus"), meta.get("load_start"), meta.get("load_end")),
        "versions: %s; %s; %s; %s" % (meta.get("gazette_version"), meta.get("scriptindex_version"),
                                      meta.get("xapian_version"), meta.get("sqlite_version")),
        "index check: %s" % meta.get("terms_check", "not run"),
    ]
    for f in facts:
        out.write("- " + f + "\n")

    peer = index.get(PEER, {})
    out.write("\nIndexing (ratios in parentheses: against scriptindex; MB = 10^6 bytes):\n\n")
    out.write("| indexer | articles | wall s | articles/s | input MB/s | index size MB | peak RSS MB |\n")
    out.write("|---|---:|---:|---:|---:|---:|---:|\n")
    for engine, label in INDEXERS:
        r = index.get(engine)
        if not r:
            out.write("| %s | not run |  |  |  |  |  |\n" % label.replace("%s", meta.get("threads", "?")))
            continue
        out.write("| %s | %s | %s | %s | %s | %s | %s |\n" % (
            label.replace("%s", meta.get("threads", "?")), fmt(r["articles"], 0), fmt(r["median_seconds"], 1),
            with_ratio(r["median_articles_per_s"], peer.get("median_articles_per_s"), 0),
            with_ratio(r["median_input_mb_per_s"], peer.get("median_input_mb_per_s"), 2),
            with_ratio(r["index_bytes"] and r["index_bytes"] / 1e6,
                       peer.get("index_bytes") and peer["index_bytes"] / 1e6, 1),
            with_ratio(r["peak_rss_mb"], peer.get("peak_rss_mb"), 0)))

    enq = search.get(PEER, {})
    out.write("\nSearching, --limit %s (ratios in parentheses: against the Xapian Enquire loop):\n\n" % meta.get("limit"))
    out.write("| searcher | queries | median ms | p99 ms | mean ms | batch wall s | 0 hits | errors |\n")
    out.write("|---|---:|---:|---:|---:|---:|---:|---:|\n")
    for engine, label in SEARCHERS:
        s = search.get(engine)
        if not s:
            out.write("| %s | not run |  |  |  |  |  |  |\n" % label)
            continue
        out.write("| %s | %s | %s | %s | %s | %s | %s | %s |\n" % (
            label, fmt(s["queries"], 0), with_ratio(s["median_ms"], enq.get("median_ms"), 3),
            with_ratio(s["p99_ms"], enq.get("p99_ms"), 3), fmt(s["mean_ms"], 3),
            fmt(s["wall_seconds"], 2), fmt(s["zero_hits"], 0), fmt(s["errors"], 0)))
    if same is not None:
        out.write("\n%d of %d queries have the same estimated total in gazette-search and the Enquire loop; "
                  "gazette offered a spelling correction for %d.\n" % (
                      same, search["gazette"]["queries"], search["gazette"]["corrected"]))

    articles = index.get("gazette", {}).get("articles")
    out.write("\nGoals (issue #5):\n\n")
    for line in goals(index, search, articles):
        out.write("- " + line + "\n")
    out.write("\nNotes:\n\n")
    for _, n in sorted((int(k[4:]), v) for k, v in meta.items() if k.startswith("note")):
        out.write("- " + n + "\n")

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"meta": meta, "index": index, "search": search,
                       "same_estimated_total": same}, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
