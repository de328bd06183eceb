#!/usr/bin/env python3
"""Turns the raw measurements of index_search_bench.sh into the comparison table
(plain text and Markdown on stdout, JSON to --json). Standard library only.

Input: --runs FILE, a TSV written by the shell script, one line per timed run:
    kind  engine  run  wall_seconds  output_file
  kind   = index | search
  engine = gazette | peer
  output_file = what the program printed on stdout:
    index/gazette: gazette-index's summary ("... holds N articles")
    index/peer:    scriptindex's summary ("records (added, replaced, deleted, skipped) = ...")
    search/gazette: gazette-search --jsonl output (took_ms per query)
    search/peer:    xapian-enquire-loop output (microseconds per query, first column)
--meta KEY=VALUE pairs carry facts about the run (input bytes, sizes, versions, notes).
"""

import argparse
import json
import math
import re
import statistics
import sys


def p99(values):
    """Nearest-rank 99th percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(0.99 * len(s)) - 1)]


def gazette_index_articles(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r"holds ([\d,]+) articles", text)
    if not m:
        sys.exit("bench_report: no 'holds N articles' in %s" % path)
    return int(m.group(1).replace(",", ""))


def peer_index_articles(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r"records \(added, replaced, deleted, skipped\) = \((\d+), (\d+), (\d+), (\d+)\)", text)
    if not m:
        sys.exit("bench_report: no scriptindex summary in %s" % path)
    added, replaced, deleted, _skipped = (int(x) for x in m.groups())
    return added + replaced - deleted


def gazette_search(path):
    lat, errors, zero, estimates, corrected = [], 0, 0, [], 0
    for line in open(path, encoding="utf-8"):
        obj = json.loads(line)
        if "error" in obj:
            errors += 1
            estimates.append(None)
            continue
        lat.append(float(obj["took_ms"]))
        estimates.append(int(obj["estimated_total"]))
        if not obj["results"]:
            zero += 1
        if obj.get("corrected") and obj["corrected"] != obj["query"]:
            corrected += 1
    return {"latencies_ms": lat, "errors": errors, "zero_hits": zero,
            "estimates": estimates, "corrected": corrected}


def peer_search(path):
    lat, errors, zero, estimates = [], 0, 0, []
    for line in open(path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        lat.append(float(cols[0]) / 1000.0)
        if cols[1] == "error":
            errors += 1
            estimates.append(None)
            continue
        estimates.append(int(cols[1]))
        if int(cols[2]) == 0:
            zero += 1
    return {"latencies_ms": lat, "errors": errors, "zero_hits": zero,
            "estimates": estimates, "corrected": 0}


def fmt(value, digits):
    if value is None:
        return "n/a"
    if digits == 0:
        return "{:,.0f}".format(value)
    return "{:,.{}f}".format(value, digits)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", required=True)
    ap.add_argument("--meta", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--json", help="also write the results as JSON here")
    args = ap.parse_args()
    meta = dict(kv.split("=", 1) for kv in args.meta)

    runs = {}
    for line in open(args.runs, encoding="utf-8"):
        if not line.strip():
            continue
        kind, engine, run, seconds, path = line.rstrip("\n").split("\t")
        runs.setdefault((kind, engine), []).append((int(run), float(seconds), path))

    input_bytes = int(meta["input_bytes"])
    result = {"meta": meta, "index": {}, "search": {}}
    for engine in ("gazette", "peer"):
        per_run = []
        for run, seconds, path in runs[("index", engine)]:
            n = gazette_index_articles(path) if engine == "gazette" else peer_index_articles(path)
            per_run.append({"run": run, "seconds": seconds, "articles": n,
                            "articles_per_s": n / seconds, "input_mb_per_s": input_bytes / 1e6 / seconds})
        result["index"][engine] = {
            "runs": per_run,
            "median_seconds": statistics.median(r["seconds"] for r in per_run),
            "median_articles_per_s": statistics.median(r["articles_per_s"] for r in per_run),
            "median_input_mb_per_s": statistics.median(r["input_mb_per_s"] for r in per_run),
            "articles": per_run[-1]["articles"],
            "index_bytes": int(meta[engine + "_index_bytes"]),
        }
        per_run = []
        for run, seconds, path in runs[("search", engine)]:
            s = gazette_search(path) if engine == "gazette" else peer_search(path)
            lat = s.pop("latencies_ms")
            s.update({"run": run, "wall_seconds": seconds, "queries": len(s["estimates"]),
                      "median_ms": statistics.median(lat), "p99_ms": p99(lat),
                      "mean_ms": statistics.fmean(lat), "sum_ms": sum(lat)})
            per_run.append(s)
        estimates = per_run[-1]["estimates"]
        for r in per_run:
            del r["estimates"]
        result["search"][engine] = {
            "runs": per_run,
            "median_ms": statistics.median(r["median_ms"] for r in per_run),
            "p99_ms": statistics.median(r["p99_ms"] for r in per_run),
            "mean_ms": statistics.median(r["mean_ms"] for r in per_run),
            "wall_seconds": statistics.median(r["wall_seconds"] for r in per_run),
            "queries": per_run[-1]["queries"],
            "errors": per_run[-1]["errors"],
            "zero_hits": per_run[-1]["zero_hits"],
            "corrected": per_run[-1]["corrected"],
            "_estimates": estimates,
        }
    ge = result["search"]["gazette"].pop("_estimates")
    pe = result["search"]["peer"].pop("_estimates")
    same = sum(1 for a, b in zip(ge, pe) if a is not None and a == b)
    result["search"]["same_estimated_total"] = same

    gi, pi = result["index"]["gazette"], result["index"]["peer"]
    gs, ps = result["search"]["gazette"], result["search"]["peer"]
    nq = gs["queries"]
    # (metric, gazette, peer, digits, better: "higher"/"lower"/None for plain counts)
    rows = [
        ("articles indexed", gi["articles"], pi["articles"], 0, None),
        ("index: wall time, s (median of %s)" % meta["runs"], gi["median_seconds"], pi["median_seconds"], 2, "lower"),
        ("index: articles/s", gi["median_articles_per_s"], pi["median_articles_per_s"], 0, "higher"),
        ("index: raw input MB/s (%.2f MB)" % (input_bytes / 1e6), gi["median_input_mb_per_s"],
         pi["median_input_mb_per_s"], 2, "higher"),
        ("index size, MB (du -sb)", gi["index_bytes"] / 1e6, pi["index_bytes"] / 1e6, 1, "lower"),
        ("search: median latency, ms", gs["median_ms"], ps["median_ms"], 3, "lower"),
        ("search: p99 latency, ms", gs["p99_ms"], ps["p99_ms"], 3, "lower"),
        ("search: mean latency, ms", gs["mean_ms"], ps["mean_ms"], 3, "lower"),
        ("search: wall time for %d queries, s" % nq, gs["wall_seconds"], ps["wall_seconds"], 2, "lower"),
        ("search: queries with 0 hits", gs["zero_hits"], ps["zero_hits"], 0, None),
        ("search: queries answered with an error", gs["errors"], ps["errors"], 0, None),
    ]
    table = []
    result["table"] = []
    for name, g, p, digits, better in rows:
        ratio = g / p if p else None
        if better is None or ratio is None:
            ahead = ""
        elif abs(ratio - 1) < 0.02:
            ahead = "even"
        elif (ratio > 1) == (better == "higher"):
            ahead = "gazette"
        else:
            ahead = "peer"
        table.append((name, fmt(g, digits), fmt(p, digits), fmt(ratio, 3),
                      (better + " is better") if better else "(count)", ahead))
        result["table"].append({"metric": name, "gazette": g, "peer": p, "ratio": ratio,
                                "better": better, "ahead": ahead})

    header = ("metric", "gazette", "scriptindex/Enquire", "ratio g/p", "direction", "ahead")
    notes = [n for k, n in sorted(meta.items()) if k.startswith("note")]
    facts = [
        "runs: %s (medians; search latency = median over runs of each run's median/p99/mean)" % meta["runs"],
        "machine: %s CPUs, load average at start %s, at end %s" % (meta.get("cpus"), meta.get("load_start"), meta.get("load_end")),
        "gazette: %s; peer: %s, %s" % (meta.get("gazette_version"), meta.get("scriptindex_version"), meta.get("xapian_version")),
        "index check: %s" % meta.get("terms_check", "not run"),
        "search: %d queries (seed %s), --limit %s; %d of %d queries have the same estimated total on both sides; "
        "gazette offered a spelling correction for %d" % (nq, meta.get("seed"), meta.get("limit"), same, nq, gs["corrected"]),
    ]

    widths = [max(len(str(r[i])) for r in [header] + table) for i in range(len(header))]
    out = sys.stdout
    out.write("\n== Gazette vs Xapian scriptindex/Enquire ==\n")
    for f in facts:
        out.write("  " + f + "\n")
    out.write("\n")
    for r in [header] + table:
        out.write("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                            for i, (c, w) in enumerate(zip(r, widths))).rstrip() + "\n")
    out.write("\nNotes:\n")
    for n in notes:
        out.write("  - " + n + "\n")

    out.write("\n## Benchmark: Gazette vs Xapian scriptindex/Enquire\n\n")
    for f in facts:
        out.write("- " + f + "\n")
    out.write("\n| " + " | ".join(header) + " |\n")
    out.write("|" + "|".join(["---"] + ["---:"] * 3 + ["---", "---"]) + "|\n")
    for r in table:
        out.write("| " + " | ".join(str(c) for c in r) + " |\n")
    out.write("\nNotes:\n\n")
    for n in notes:
        out.write("- " + n + "\n")

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
