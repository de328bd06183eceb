#!/usr/bin/env python3
"""End to end: the match-set layer never counts an older revision. `gazette-search serve`
(reopening every 0.2 s) answers a page's search (facets, exact total) and timeline for a word
while gazette-index adds articles holding it, then replaces some of them with another source
and date: after each commit the counts follow, exactly, with no answer mixing revisions. The
first batch is merged by gazette-index into a new database swapped in under the same path with
the same revision number as the one the server has open (seen: main's server kept answering
0 for it until the next commit).
Usage: match_set_revision_test.py BIN_DIR SRC_DIR SHARED_DIR"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

from checks import Checks
from support import start_serve

BIN, SRC, SHARED = sys.argv[1:4]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
WORD = "zebracornish"

checks = Checks()
check = checks.check


def articles(first, count, source, year):
    return "".join(json.dumps({"id": "t%d" % n, "title": "%s report %d" % (WORD, n),
                               "body": "The %s herd grew again, said the keepers." % WORD,
                               "source": source, "date": "%d-03-%02d" % (year, 1 + n % 28)}) + "\n"
                   for n in range(first, first + count))


def index(db, work, text, name):
    path = os.path.join(work, name)
    with open(path, "w") as f:
        f.write(text)
    subprocess.run([INDEX, "--db", db, "--quiet", path], check=True, stdout=subprocess.DEVNULL)


def page(port):
    base = "http://127.0.0.1:%d" % port
    with urllib.request.urlopen(base + "/api/search?q=%s&facets=source,year&limit=10" % WORD) as r:
        search = json.load(r)
    with urllib.request.urlopen(base + "/api/timeline?q=%s&interval=year" % WORD) as r:
        timeline = json.load(r)["timeline"]["series"][0]
    sources = {v["value"]: v["count"] for v in search["facets"]["source"]}
    years = {v["value"]: v["count"] for v in search["facets"]["year"]}
    days = {p["period"]: p["count"] for p in timeline["points"] if p["count"]}
    return search["estimated_total"], sources, years, timeline["matches"], days


def wait_for(port, expected, what):
    """Polls until the page shows `expected`; every answer on the way must be a whole revision."""
    deadline = time.time() + 20
    seen = None
    while time.time() < deadline:
        seen = page(port)
        if seen == expected:
            break
        time.sleep(0.1)
    check(what, seen == expected, (seen, expected))


def main():
    work = tempfile.mkdtemp()
    proc = None
    try:
        db = os.path.join(work, "news.db")
        subprocess.run([INDEX, "--db", db, "--quiet", os.path.join(SRC, "corpus", "seed")],
                       check=True, stdout=subprocess.DEVNULL)
        proc, port = start_serve(SEARCH, ["--db", db, "--reopen-interval", "0.2", "--threads", "2"],
                                 os.path.join(work, "serve.log"))
        check("before: nothing matches", page(port) == (0, {}, {}, 0, {}), page(port))
        index(db, work, articles(0, 40, "Wire One", 2020), "a.jsonl")
        wait_for(port, (40, {"Wire One": 40}, {"2020": 40}, 40, {"2020": 40}),
                 "40 new articles: total, facets and timeline all count them")
        index(db, work, articles(0, 15, "Wire Two", 2021), "b.jsonl")
        wait_for(port, (40, {"Wire One": 25, "Wire Two": 15}, {"2020": 25, "2021": 15}, 40,
                        {"2020": 25, "2021": 15}),
                 "15 replaced with another source and year: the counts move, the total stays")
        # Many searches across commits: each answer is one revision's (total = sum of facets).
        mixed = 0
        for n in range(5):
            index(db, work, articles(100 + 10 * n, 10, "Wire Three", 2022), "c%d.jsonl" % n)
            for _ in range(10):
                total, sources, years, matches, days = page(port)
                if total != sum(sources.values()) or total != sum(years.values()):
                    mixed += 1
        check("no answer mixes two revisions (50 pages while 5 commits landed)", mixed == 0, mixed)
        wait_for(port, (90, {"Wire One": 25, "Wire Three": 50, "Wire Two": 15},
                        {"2020": 25, "2021": 15, "2022": 50}, 90,
                        {"2020": 25, "2021": 15, "2022": 50}),
                 "after the last commit: 90 articles, every count exact")
    finally:
        if proc:
            proc.terminate()
            proc.wait()
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(checks.summary())


main()
