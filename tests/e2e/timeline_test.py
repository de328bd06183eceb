#!/usr/bin/env python3
"""End to end: gazette-search --timeline over Reuters-21578 and HuffPost, checked against
counts computed here, independently, from the input files: Reuters per month and ISO week in
1987, HuffPost per day in 2018; --normalize shares against all articles of each period;
compared series against their single-query timelines; CSV and the terminal chart; and
/api/timeline of the HTTP service against the command line.
Usage: timeline_test.py BIN_DIR SRC_DIR SHARED_DIR"""
import atexit
import collections
import datetime
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

from checks import Checks
from support import start_serve

BIN, SRC, SHARED = sys.argv[1:4]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
CORPORA = os.path.join(SHARED, "corpora")
MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}


checks = Checks()
check = checks.check


def run(db, *args, fmt="json"):
    cmd = [SEARCH, "--db", db, *args]
    if fmt:
        cmd += ["--format", fmt]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (cmd, out.returncode, out.stderr))
    return json.loads(out.stdout) if fmt == "json" else out.stdout


def series_counts(answer, index=0):
    return {p["period"]: p["count"] for p in answer["timeline"]["series"][index]["points"]}


def reuters_records():
    """(date 'YYYY-MM-DD', topics) of every Reuters record gazette-index keeps."""
    records = []
    for path in sorted(glob.glob(os.path.join(CORPORA, "reuters21578", "reut2-*.sgm"))):
        data = open(path, "rb").read().decode("latin-1")
        for rec in re.findall(r"<REUTERS.*?</REUTERS>", data, re.S):
            text = re.search(r"<TEXT[^>]*>(.*?)</TEXT>", rec, re.S)
            words = re.sub(r"<[^>]+>|&#?\w+;", " ", text.group(1)) if text else ""
            if not words.strip():
                continue
            day, mon, year = re.search(r"<DATE>\s*(\d+)-(\w{3})-(\d{4})", rec).groups()
            m = re.search(r"<TOPICS>(.*?)</TOPICS>", rec, re.S)
            topics = [html.unescape(v) for v in re.findall(r"<D>(.*?)</D>", m.group(1))] if m else []
            records.append(("%s-%02d-%02d" % (year, MONTHS[mon.upper()], int(day)), topics))
    return records


def iso_week(date):
    y, w, _ = datetime.date.fromisoformat(date).isocalendar()
    return "%04d-W%02d" % (y, w)


def continuous(periods, step):
    """True when `periods` (sorted labels) has no gap: each is `step` after the one before."""
    return all(step(a) == b for a, b in zip(periods, periods[1:]))


def next_month(label):
    y, m = map(int, label.split("-"))
    return "%04d-%02d" % (y + (m == 12), m % 12 + 1)


def next_day(label):
    return (datetime.date.fromisoformat(label) + datetime.timedelta(days=1)).isoformat()


def dense(counts, periods):
    return {p: counts.get(p, 0) for p in periods}


def start_server(db, work):
    proc, port = start_serve(SEARCH, ["--db", db, "--quiet"], os.path.join(work, "server.log"))
    return proc, "http://127.0.0.1:%d" % port


def main():
    reuters = reuters_records()
    huff_path = os.path.join(CORPORA, "huffpost-news-category-sample", "News_Category_Dataset_v2.json")
    huffpost = [json.loads(line) for line in open(huff_path, encoding="utf-8") if line.strip()]
    work = tempfile.mkdtemp(prefix="gazette-timeline-")
    # Removed however the test ends (a failed check, an exception), not only on success.
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    db = os.path.join(work, "news.db")
    huff_jsonl = os.path.join(work, "huffpost.jsonl")
    with open(huff_jsonl, "w") as out:
        subprocess.run([sys.executable, os.path.join(SRC, "tests", "e2e", "huffpost_to_jsonl.py"),
                        huff_path], stdout=out, check=True)
    subprocess.run([INDEX, "--db", db, "--quiet", "--threads", "2", huff_jsonl,
                    *sorted(glob.glob(os.path.join(CORPORA, "reuters21578", "reut2-*.sgm")))],
                   capture_output=True)

    # --- Reuters per month and per ISO week in 1987 ------------------------------------------
    by_month = collections.Counter(d[:7] for d, _ in reuters)
    got = run(db, "--timeline", "month", "--source", "reuters")
    counts = series_counts(got)
    periods = sorted(counts)
    check("Reuters per month equals the input's counts", counts == dense(by_month, periods),
          sorted(set(counts.items()) ^ set(by_month.items())))
    check("the months run without a gap", continuous(periods, next_month)
          and periods[0] == min(by_month) and periods[-1] == max(by_month), periods)
    check("interval and normalized are reported", got["timeline"]["interval"] == "month"
          and got["timeline"]["normalized"] is False)
    cocoa = collections.Counter(d[:7] for d, t in reuters if "cocoa" in t)
    got = run(db, "--timeline", "month", "--tag", "cocoa")
    check("tag:cocoa per month equals the input's", {k: v for k, v in series_counts(got).items() if v}
          == dict(cocoa), series_counts(got))
    check("months without a match are there with 0", 0 in series_counts(got).values()
          and continuous(sorted(series_counts(got)), next_month))
    by_week = collections.Counter(iso_week(d) for d, _ in reuters)
    got = run(db, "--timeline", "week", "--source", "reuters")
    counts = series_counts(got)
    check("Reuters per ISO week equals the input's counts",
          {k: v for k, v in counts.items() if v} == dict(by_week),
          sorted(set(counts.items()) ^ set(by_week.items()))[:10])
    points = got["timeline"]["series"][0]["points"]
    check("weeks run Monday to Sunday without a gap",
          all(datetime.date.fromisoformat(p["start"]).weekday() == 0
              and (datetime.date.fromisoformat(p["end"]) - datetime.date.fromisoformat(p["start"])).days == 6
              for p in points)
          and all((datetime.date.fromisoformat(b["start"]) - datetime.date.fromisoformat(a["start"])).days == 7
                  for a, b in zip(points, points[1:])))

    # --- HuffPost per day in 2018 -------------------------------------------------------------
    in_2018 = [r for r in huffpost if r["date"].startswith("2018")]
    by_day = collections.Counter(r["date"] for r in in_2018)
    got = run(db, "--timeline", "day", "--source", "huffpost", "--from", "2018", "--to", "2018")
    counts = series_counts(got)
    check("HuffPost per day in 2018 equals the input's counts (%d days)" % len(by_day),
          counts == dense(by_day, sorted(counts)) and sum(counts.values()) == len(in_2018),
          sorted(set(counts.items()) ^ set(by_day.items()))[:10])
    check("the days run without a gap", continuous(sorted(counts), next_day))
    politics = collections.Counter(r["date"] for r in in_2018 if r["category"] == "POLITICS")
    got = run(db, "--timeline", "day", "--source", "huffpost", "--section", "politics",
              "--from", "2018", "--to", "2018")
    check("HuffPost Politics per day in 2018 equals the input's",
          {k: v for k, v in series_counts(got).items() if v} == dict(politics))

    # --- Normalised: shares of all articles of the period ------------------------------------
    all_by_month = collections.Counter(d[:7] for d, _ in reuters)
    for r in huffpost:
        all_by_month[r["date"][:7]] += 1
    got = run(db, "--timeline", "month", "--normalize", "--tag", "cocoa")
    pts = got["timeline"]["series"][0]["points"]
    check("normalised totals are all articles of each month, unfiltered",
          all(p["total"] == all_by_month[p["period"]] for p in pts), pts[:3])
    check("each share is count / total",
          all(abs(p["share"] - p["count"] / p["total"]) < 1e-12 for p in pts if p["total"]))
    check("shares times totals sum to the matches",
          abs(sum(p["share"] * p["total"] for p in pts) - sum(cocoa.values())) < 1e-6)
    whole = run(db, "--timeline", "month", "--normalize", "--from", "1987", "--to", "1987",
                "--source", "reuters")
    check("the whole archive of a period is a share of 1",
          all(abs(p["share"] - 1) < 1e-12 for p in whole["timeline"]["series"][0]["points"] if p["total"]))

    # --- Compared series agree with their single-query timelines ------------------------------
    got = run(db, "--timeline", "month", "--source", "reuters", "--compare", "coffee",
              "--compare", "tag:grain", "cocoa")
    series = got["timeline"]["series"]
    check("three series, in the order given", [s["query"] for s in series] == ["cocoa", "coffee", "tag:grain"])
    check("every series has the same periods",
          len({tuple(p["period"] for p in s["points"]) for s in series}) == 1)
    for i, q in enumerate(["cocoa", "coffee", "tag:grain"]):
        alone = series_counts(run(db, "--timeline", "month", "--source", "reuters", q))
        joint = series_counts(got, i)
        check("compared series %r equals its own timeline" % q,
              all(joint.get(p, 0) == c for p, c in alone.items())
              and all(c == 0 for p, c in joint.items() if p not in alone))

    # --- CSV and the terminal chart -----------------------------------------------------------
    csv_text = run(db, "--timeline", "month", "--source", "reuters", "--compare", "coffee", "cocoa",
                   fmt="csv")
    rows = [line.split(",") for line in csv_text.strip().split("\n")]
    check("CSV: a header of period and one column per query", rows[0] == ["period", "cocoa", "coffee"], rows[0])
    check("CSV rows equal the JSON series",
          [(r[0], int(r[1]), int(r[2])) for r in rows[1:]]
          == [(a["period"], a["count"], b["count"]) for a, b in zip(series[0]["points"], series[1]["points"])])
    chart = run(db, "--timeline", "month", "--tag", "cocoa", fmt="text")
    check("the terminal chart labels the periods and marks the peak",
          "1987-04" in chart and "◀ peak" in chart and "█" in chart, chart)
    spark = run(db, "--timeline", "day", "--source", "huffpost", fmt="text")
    check("a long series is a sparkline with its peak",
          "peak" in spark and any(c in spark for c in "▁▂▃▄▅▆▇") and "one mark" in spark, spark[:300])

    # --- Bad input ----------------------------------------------------------------------------
    bad = subprocess.run([SEARCH, "--db", db, "--timeline", "fortnight", "cocoa"], capture_output=True, text=True)
    check("an unknown interval is a usage error", bad.returncode == 2 and "day, week, month or year" in bad.stderr,
          bad.stderr)
    bad = subprocess.run([SEARCH, "--db", db, "--compare", "coffee", "cocoa"], capture_output=True, text=True)
    check("--compare without --timeline is a usage error", bad.returncode == 2, bad.stderr)

    # --- /api/timeline answers what the command line does ------------------------------------
    proc, base = start_server(db, work)
    try:
        query = urllib.parse.urlencode([("q", "cocoa"), ("source", "reuters"), ("interval", "week"),
                                        ("compare", "coffee"), ("normalize", "true")])
        with urllib.request.urlopen(base + "/api/timeline?" + query) as res:
            api = json.load(res)
        cli = run(db, "--timeline", "week", "--source", "reuters", "--compare", "coffee", "--normalize", "cocoa")
        check("/api/timeline equals the command line's JSON", api["timeline"] == cli["timeline"])
        with urllib.request.urlopen(base + "/api/timeline?q=cocoa&source=reuters") as res:
            auto = json.load(res)
        check("interval=auto (the default) picks weeks for Reuters' eight months",
              auto["timeline"]["interval"] == "week", auto["timeline"]["interval"])
        try:
            urllib.request.urlopen(base + "/api/timeline?q=cocoa&interval=fortnight")
            check("a bad interval is answered 400", False)
        except urllib.error.HTTPError as e:
            check("a bad interval is answered 400 with a JSON error",
                  e.code == 400 and "interval" in json.load(e)["error"])
    finally:
        proc.terminate()
        proc.wait()

    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
