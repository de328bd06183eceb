#!/usr/bin/env python3
"""Benchmark helper (not a test): the same queries through several search commands, in turn,
ROUNDS times (one untimed warm-up pass each first), so that all see the same machine state.
Per command and round: median, p99 (nearest rank) and mean per-query latency; then the median
over rounds. A command's output lines are either gazette-search --jsonl answers (took_ms) or
xapian-enquire-loop lines (microseconds first).

Usage: search_rounds.py QUERIES ROUNDS NAME=COMMAND...
  e.g. search_rounds.py queries.txt 3 \\
         "one=build/bin/gazette-search --db one.db --jsonl --limit 10" \\
         "parallel=build/bin/gazette-search --db shards --parallel --jsonl --limit 10"
"""
import json
import math
import statistics
import subprocess
import sys


def p99(values):
    s = sorted(values)
    return s[max(0, math.ceil(0.99 * len(s)) - 1)]


def latencies(output):
    out = []
    for line in output.splitlines():
        if line.startswith("{"):
            out.append(float(json.loads(line)["took_ms"]))
        elif line.strip():
            out.append(float(line.split("\t")[0]) / 1000.0)
    return out


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    queries = open(sys.argv[1], encoding="utf-8").read()
    rounds = int(sys.argv[2])
    commands = [a.split("=", 1) for a in sys.argv[3:]]
    run = lambda cmd: subprocess.run(cmd, shell=True, input=queries, capture_output=True, text=True,
                                     check=True).stdout
    for _, cmd in commands:
        run(cmd)  # warm-up
    results = {name: [] for name, _ in commands}
    for r in range(rounds):
        for name, cmd in commands:
            lat = latencies(run(cmd))
            results[name].append((statistics.median(lat), p99(lat), statistics.fmean(lat), len(lat)))
            print("round %d %-12s median %.3f p99 %.3f mean %.3f n %d" % ((r + 1, name) + results[name][-1]),
                  flush=True)
    for name, _ in commands:
        rs = results[name]
        print("%-12s median of %d rounds: median %.3f ms, p99 %.3f ms, mean %.3f ms" % (
            name, len(rs), statistics.median(x[0] for x in rs), statistics.median(x[1] for x in rs),
            statistics.median(x[2] for x in rs)))


if __name__ == "__main__":
    main()
