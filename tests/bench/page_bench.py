#!/usr/bin/python3
"""The search page's requests against their ranked query and against plain Xapian, on one index.

Usage: page_bench.py --db DB --bin BUILD/bin [--peer xapian-page-peer] [--queries 300]
                     [--warmup 100] [--rounds 3] [--seed 1]

Measures, in the same run and on the same index and queries (docs/benchmarks.md):
  gazette ranked     `gazette-search --jsonl`, top 10 (defaults: snippets, collapse)
  gazette page       the same plus facets source,section,year and the exact total, as the
                     search page asks
  gazette timeline   the page's second request ({"timeline": "auto"})
  xapian ranked      plain Xapian: parse, BM25 top 10, read the documents (xapian-page-peer)
  xapian facets      the same with three ValueCountMatchSpy in the BM25 pass
  xapian timeline    BoolWeight and a ValueCountMatchSpy on the day slot
Times are each side's own in-process figure (gazette's took_ms, the peer's steady_clock
around the same work), so process start-up is in neither.

Every query is measured once per side, first seen: each process is warmed up on --warmup
other queries, then answers its share of the measured ones. The queries are split into
--rounds parts; each round runs the six sides one after another, in the opposite order to
the round before (two noisy cores: alternating keeps a slow spell from landing on one side).
No whole-answer cache exists in gazette-search, so none is on.

The query mix (seeded): words drawn from the titles of random articles of the index itself
(python3-xapian reads them): 1-2 words (broad), 3-4 words, two-word phrases, a word with a
source: filter, a word with a date range. Matches are compared side by side: a page whose
exact total differs from Xapian's count of the same query is reported.
"""

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time

try:
    import xapian
except ImportError:
    sys.exit("page_bench: needs python3-xapian (scripts/install-deps.sh --bench) "
             "and Debian's /usr/bin/python3")

WORD = re.compile(r"[a-z]{3,}")
STOP = set("the and for that with from this have has was were are but not you his her its "
           "they their will would said says about after over into than then them also".split())


def title_words(db, rng, samples):
    """Lower-case title words of `samples` random documents, with their documents' sources."""
    last = db.get_lastdocid()
    titles, sources, years = [], [], []
    while len(titles) < samples:
        try:
            doc = db.get_document(rng.randint(1, last))
        except xapian.DocNotFoundError:
            continue
        record = json.loads(doc.get_data())
        words = [w for w in WORD.findall(record.get("title", "").lower()) if w not in STOP]
        if len(words) >= 2:
            titles.append(words)
            sources.append(record.get("source", ""))
            years.append((record.get("date") or "")[:4])
    return titles, sources, [y for y in years if y.isdigit()]


def query_mix(db, rng, n):
    """n requests: (gazette JSON object, peer query text, peer date bounds or None)."""
    titles, sources, years = title_words(db, rng, 4 * n)
    out = []
    for i in range(n):
        words = titles[i]
        kind = rng.random()
        if kind < 0.40:
            text = " ".join(words[: rng.randint(1, 2)])
            out.append(({"query": text}, text))
        elif kind < 0.65:
            text = " ".join(words[: rng.randint(3, 4)])
            out.append(({"query": text}, text))
        elif kind < 0.80:
            text = '"%s %s"' % (words[0], words[1])
            out.append(({"query": text}, text))
        elif kind < 0.90 and sources[i] and " " not in sources[i]:
            # The peer gets the same boolean term through a prefix (gazette folds the case).
            text = "%s source:%s" % (words[0], sources[i].lower())
            out.append(({"query": text}, text))
        elif years:
            year = rng.choice(years)
            out.append(({"query": words[0], "from": year, "to": year}, words[0], year))
        else:
            out.append(({"query": words[0]}, words[0]))
    return out


def run_gazette(args, extra, warm, measured):
    """took_ms and totals per measured request from one gazette-search --jsonl process."""
    lines = []
    for request in warm + measured:
        lines.append(json.dumps(dict(request[0], **json.loads(args.gazette_options), **extra)))
    p = subprocess.run([os.path.join(args.bin, "gazette-search"), "--db", args.db, "--jsonl"],
                       input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    answers = [json.loads(l) for l in p.stdout.splitlines()][len(warm):]
    times, totals = [], []
    for a in answers:
        if "error" in a:
            sys.exit("page_bench: gazette-search failed: %s" % a["error"])
        times.append(a["took_ms"])
        if "timeline" in a:
            totals.append(a["timeline"]["series"][0]["matches"])
        else:
            totals.append(a.get("estimated_total"))
    return times, totals


def peer_epoch(year, end):
    import calendar
    y = int(year)
    return calendar.timegm((y, 12, 31, 23, 59, 59) if end else (y, 1, 1, 0, 0, 0))


def run_peer(args, mode, warm, measured):
    lines = []
    for request in warm + measured:
        text = request[1]
        if len(request) == 3:  # a date range: the peer's own value range over the date slot
            text += "\t%d\t%d" % (peer_epoch(request[2], False), peer_epoch(request[2], True))
        lines.append("%s\t%s" % (mode, text))
    p = subprocess.run([args.peer, args.db], input="\n".join(lines) + "\n",
                       capture_output=True, text=True, check=True)
    rows = [l.split("\t") for l in p.stdout.splitlines()][len(warm):]
    return [int(r[0]) / 1000.0 for r in rows], [int(r[1]) for r in rows]


def pct(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--bin", required=True, help="folder of gazette-search")
    ap.add_argument("--peer", help="xapian-page-peer (default: BIN/xapian-page-peer)")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument("--gazette-options", default="{}", metavar="JSON",
                    help='options added to every gazette request, e.g. \'{"snippets": false}\' '
                         "(the peer makes no snippets)")
    ap.add_argument("--key-terms", type=int, default=0, metavar="N",
                    help="also measure the ranked query with N key terms, against plain "
                         "Xapian's ranked query with get_eset(N) over its top 100 (xapian eset)")
    ap.add_argument("--no-timeline", action="store_true",
                    help="leave the timeline sides out (a gazette-search older than --jsonl "
                         "timelines, measured for a before/after table)")
    args = ap.parse_args()
    args.peer = args.peer or os.path.join(args.bin, "xapian-page-peer")

    db = xapian.Database(args.db)
    rng = random.Random(args.seed)
    mix = query_mix(db, rng, args.warmup + args.queries)
    warm, measured = mix[: args.warmup], mix[args.warmup:]
    page = {"facets": "source,section,year", "exact_total": True}
    sides = [
        ("gazette ranked", lambda w, m: run_gazette(args, {}, w, m)),
        ("xapian ranked", lambda w, m: run_peer(args, "ranked", w, m)),
        ("gazette page", lambda w, m: run_gazette(args, page, w, m)),
        ("xapian facets", lambda w, m: run_peer(args, "facets", w, m)),
        ("gazette timeline", lambda w, m: run_gazette(args, {"timeline": "auto"}, w, m)),
        ("xapian timeline", lambda w, m: run_peer(args, "timeline", w, m)),
    ]
    if args.no_timeline:
        sides = [side for side in sides if "timeline" not in side[0]]
    if args.key_terms:
        sides += [("gazette key terms",
                   lambda w, m: run_gazette(args, {"key_terms": args.key_terms}, w, m)),
                  ("xapian eset", lambda w, m: run_peer(args, "eset", w, m))]
    times = {name: [] for name, _ in sides}
    totals = {name: [] for name, _ in sides}
    part = (len(measured) + args.rounds - 1) // args.rounds
    for r in range(args.rounds):
        chunk = measured[r * part:(r + 1) * part]
        order = sides if r % 2 == 0 else list(reversed(sides))
        for name, run in order:
            t, n = run(warm, chunk)
            times[name] += t
            totals[name] += n

    # The page's exact total and timeline matches must be Xapian's full counts.
    for ours, peer in (("gazette page", "xapian facets"), ("gazette timeline", "xapian timeline")):
        if ours not in totals:
            continue
        wrong = [(measured[i][0]["query"], a, b)
                 for i, (a, b) in enumerate(zip(totals[ours], totals[peer])) if a != b]
        if wrong:
            print("MISMATCH %s vs %s on %d queries, e.g. %s" % (ours, peer, len(wrong), wrong[:3]))

    print("index %s (%d articles), %d queries measured once each, %d warm-up, %d rounds"
          % (args.db, db.get_doccount(), len(measured), len(warm), args.rounds))
    print("%-18s %9s %9s %9s" % ("side", "median", "p90", "p99"))
    figures = {}
    for name, _ in sides:
        t = times[name]
        figures[name] = {"median": statistics.median(t), "p90": pct(t, 0.9), "p99": pct(t, 0.99)}
        print("%-18s %9.2f %9.2f %9.2f" % (name, figures[name]["median"], figures[name]["p90"],
                                           figures[name]["p99"]))
    ratios = {}
    for a, b in (("gazette page", "gazette ranked"), ("gazette timeline", "gazette ranked"),
                 ("xapian facets", "gazette page"), ("xapian timeline", "gazette timeline"),
                 ("gazette ranked", "xapian ranked"), ("gazette key terms", "gazette ranked"),
                 ("gazette key terms", "xapian eset"), ("xapian eset", "xapian ranked")):
        if a not in figures or b not in figures:
            continue
        ratios[a + " / " + b] = {k: figures[a][k] / figures[b][k] for k in ("median", "p99")}
        print("%-40s median %5.2fx  p99 %5.2fx" % (a + " / " + b, ratios[a + " / " + b]["median"],
                                                   ratios[a + " / " + b]["p99"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"figures": figures, "ratios": ratios, "queries": len(measured)}, f,
                      indent=1)


if __name__ == "__main__":
    main()
