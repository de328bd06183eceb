#!/usr/bin/env python3
"""End to end: article versions (issue 17) are one rule across a whole database. An older
version never replaces or deletes a newer one, in whichever shard either lives (one database,
--shards N, --shard-by year with the two versions dated in different years), and a newer one
moving to another year's shard leaves exactly one copy. An older version that is not indexed
fires no standing-query alert; the newer one fires exactly once. Every skipped older version
is counted on stderr. The same with --watch, where each dropped file is a run of its own, and
for a year-sharded run killed with SIGKILL and then resumed.
Usage: versions_test.py BIN_DIR SRC_DIR SHARED_DIR"""
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from checks import Checks

BIN = sys.argv[1]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
LAYOUTS = {"one database": [], "hash shards": ["--shards", "2"], "year shards": ["--shard-by", "year"]}
STANDING = [{"name": "stale", "query": "stalewords"}, {"name": "fresh", "query": "freshwords"},
            {"name": "any", "query": "zanzibarcloves"}]

checks = Checks()
check = checks.check


def record(article_id, version, date, word):
    return json.dumps({"id": article_id, "version": version, "date": date, "source": "test",
                       "title": "Zanzibar clove harvest " + word,
                       # Distinct bodies, so that no result is collapsed as a duplicate of another.
                       "body": "The zanzibarcloves cooperative %s reported its %s harvest of %s. %s"
                               % (article_id, date, version, word)}) + "\n"


def index(work, db, layout, lines, name):
    name = layout.replace(" ", "-") + "-" + name
    path = os.path.join(work, name + ".jsonl")
    with open(path, "w") as f:
        f.writelines(lines)
    out = os.path.join(work, name + "-alerts.jsonl")
    r = subprocess.run([INDEX, "--db", db, *LAYOUTS[layout], "--alerts",
                        os.path.join(work, "standing.jsonl"), "--alerts-out", out, path],
                       capture_output=True, text=True, timeout=300)
    fired = []
    if os.path.exists(out):
        fired = [(a["alert"], a["id"]) for a in map(json.loads, open(out)) if a]
    return r, fired


def copies(db, query):
    """(id, title) of every document matching `query`, through the stub for sharded ones."""
    out = subprocess.run([SEARCH, "--db", db, "--json", "--no-snippets", query],
                         capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    return sorted((r["id"], r["title"]) for r in json.loads(out.stdout)["results"])


def run_layout(work, layout):
    db = os.path.join(work, layout.replace(" ", "-"))
    what = layout + ": "
    # The newer version first (2001), then an older one dated in another year (1987).
    r, fired = index(work, db, layout, [record("wire-1", 5, "2001-03-01", "freshwords")], "a")
    check(what + "version 5 indexes", r.returncode == 0, r.stderr)
    check(what + "version 5 fires its alerts", sorted(fired) == [("any", "wire-1"), ("fresh", "wire-1")], fired)
    r, fired = index(work, db, layout, [record("wire-1", 3, "1987-06-01", "stalewords")], "b")
    check(what + "the older version's run succeeds", r.returncode == 0, r.stderr)
    check(what + "the older version is counted on stderr",
          "1 articles were older versions" in r.stderr or "1 article was an older version" in r.stderr
          or "older version" in r.stderr, r.stderr)
    check(what + "version 5 is still there, once",
          copies(db, "zanzibarcloves") == [("wire-1", "Zanzibar clove harvest freshwords")],
          copies(db, "zanzibarcloves"))
    check(what + "the older version fires no alert", fired == [], fired)
    # In one run: an older version after the newer, and an older before a newer one.
    r, fired = index(work, db, layout, [record("wire-2", 4, "1990-01-01", "freshwords"),
                                        record("wire-2", 2, "2003-01-01", "stalewords"),
                                        record("wire-3", 1, "1995-01-01", "stalewords"),
                                        record("wire-3", 2, "1999-01-01", "freshwords")], "c")
    check(what + "the mixed run succeeds", r.returncode == 0, r.stderr)
    check(what + "in one run the highest version of each id is kept, once",
          copies(db, "zanzibarcloves") == [("wire-1", "Zanzibar clove harvest freshwords"),
                                           ("wire-2", "Zanzibar clove harvest freshwords"),
                                           ("wire-3", "Zanzibar clove harvest freshwords")],
          copies(db, "zanzibarcloves"))
    check(what + "no alert for the skipped older version of wire-2",
          ("stale", "wire-2") not in fired, fired)
    check(what + "each indexed article fires once",
          sorted(fired).count(("fresh", "wire-2")) == 1 and sorted(fired).count(("fresh", "wire-3")) == 1,
          fired)
    # A newer version moving to another year: exactly one copy, in the new year's shard.
    r, fired = index(work, db, layout, [record("wire-1", 7, "1987-06-01", "newestwords")], "d")
    check(what + "version 7 replaces version 5",
          [c for c in copies(db, "zanzibarcloves") if c[0] == "wire-1"]
          == [("wire-1", "Zanzibar clove harvest newestwords")], copies(db, "zanzibarcloves"))
    if layout == "year shards":
        held = lambda year: "termfreq 1" in subprocess.run(
            ["xapian-delve", "-t", "Qwire-1", os.path.join(db, year)], capture_output=True,
            text=True).stdout
        check(what + "version 7 lives in 1987's shard only", held("1987") and not held("2001"))


def wait_for(condition, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def run_watch(work, layout):
    """--watch: each dropped file is its own run, the older version's file after the newer's."""
    name = layout.replace(" ", "-")
    db, folder = os.path.join(work, "watch-" + name), os.path.join(work, "drop-" + name)
    out, log = os.path.join(work, "watch-%s-alerts.jsonl" % name), os.path.join(work, "watch-%s.log" % name)
    os.makedirs(folder)
    what = "--watch, " + layout + ": "
    with open(log, "w") as log_file:
        proc = subprocess.Popen([INDEX, "--db", db, *LAYOUTS[layout], "--watch", folder, "--alerts",
                                 os.path.join(work, "standing.jsonl"), "--alerts-out", out],
                                stdout=log_file, stderr=subprocess.STDOUT)
    try:
        read = lambda: open(log).read()
        check(what + "the watcher starts", wait_for(lambda: "watching" in read(), 20), read())
        for i, (version, date, word) in enumerate([(5, "2001-03-01", "freshwords"),
                                                   (3, "1987-06-01", "stalewords")]):
            path = os.path.join(folder, "v%d.jsonl" % version)
            with open(path + ".part", "w") as f:
                f.write(record("wire-9", version, date, word))
            os.rename(path + ".part", path)
            check(what + "v%d.jsonl is read" % version,
                  wait_for(lambda: read().count("watch: read ") == i + 1, 20), read())
        fired = [(a["alert"], a["id"]) for a in map(json.loads, open(out))] if os.path.exists(out) else []
        check(what + "the older version fires no alert, the newer once",
              sorted(fired) == [("any", "wire-9"), ("fresh", "wire-9")], fired)
        check(what + "the older version is counted", "older versions" in read(), read())
    finally:
        proc.terminate()
        proc.wait(30)
    check(what + "version 5 is kept, once",
          copies(db, "zanzibarcloves") == [("wire-9", "Zanzibar clove harvest freshwords")],
          copies(db, "zanzibarcloves"))


def run_killed_and_resumed(work):
    """--shard-by year: a run killed with SIGKILL part way, then run again (resumed), keeps the
    newer version of each id: an older one in the run does not replace the held newer one, and
    a newer one in the run replaces the held older one, whichever side of the kill it fell."""
    layout, what = "year shards", "killed and resumed, year shards: "
    db = os.path.join(work, "resumed")
    held_records = [record("wire-r", 5, "2001-03-01", "freshwords"),
                    record("wire-s", 1, "1990-01-01", "stalewords")]
    # Enough filler that the run is still going when it is killed; the two versions of
    # interest sit early and late, so that one is read before the kill and one after.
    filler = [json.dumps({"id": "fill-%d" % i, "date": "19%02d-05-01" % (80 + i % 20),
                          "source": "test", "title": "Filler %d" % i,
                          "body": "Harbour report %d of tides and cargo at berth %d." % (i, i % 97)})
              + "\n" for i in range(30000)]
    lines = (filler[:2000] + [record("wire-s", 9, "2005-01-01", "freshwords")] + filler[2000:28000]
             + [record("wire-r", 3, "1987-06-01", "stalewords")] + filler[28000:])
    path = os.path.join(work, "resumed.jsonl")
    with open(path, "w") as f:
        f.writelines(lines)
    command = [INDEX, "--db", db, *LAYOUTS[layout], path]
    # When to kill is measured, not guessed: one whole run on a copy of the held database
    # times this machine (a fixed 1.5 s let a fast CI machine finish first), and the kill
    # comes part way through it, sooner on each retry should a run still finish first.
    r, _ = index(work, db, layout, held_records, "held")
    check(what + "the held versions index", r.returncode == 0, r.stderr)
    started = time.monotonic()
    subprocess.run(command, capture_output=True, timeout=300)
    whole_run = time.monotonic() - started
    killed = False
    for fraction in (0.4, 0.2, 0.1, 0.05):
        for leftover in [db] + glob.glob(db + ".gazette-*"):  # and any work folder of a kill
            shutil.rmtree(leftover, ignore_errors=True)
        index(work, db, layout, held_records, "held")
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(whole_run * fraction)
        killed = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        if killed:
            break
    check(what + "the run was killed before it finished", killed,
          "a whole run takes %.2f s" % whole_run)
    r = subprocess.run(command, capture_output=True, text=True, timeout=300)
    check(what + "the resumed run succeeds", r.returncode == 0, r.stderr)
    versions = [c for c in copies(db, "zanzibarcloves")]
    check(what + "the newer version of each id is kept, once",
          versions == [("wire-r", "Zanzibar clove harvest freshwords"),
                       ("wire-s", "Zanzibar clove harvest freshwords")], versions)
    held = lambda term, year: "termfreq 1" in subprocess.run(
        ["xapian-delve", "-t", term, os.path.join(db, year)], capture_output=True,
        text=True).stdout
    check(what + "wire-r stays in 2001's shard only", held("Qwire-r", "2001")
          and not held("Qwire-r", "1987"))
    check(what + "wire-s moved to 2005's shard only", held("Qwire-s", "2005")
          and not held("Qwire-s", "1990"))


def main():
    work = tempfile.mkdtemp(prefix="gazette-versions-")
    try:
        with open(os.path.join(work, "standing.jsonl"), "w") as f:
            f.writelines(json.dumps(q) + "\n" for q in STANDING)
        for layout in LAYOUTS:
            run_layout(work, layout)
            run_watch(work, layout)
        run_killed_and_resumed(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
