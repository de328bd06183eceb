#!/usr/bin/env python3
"""End to end: --shard-by year. A year-sharded database holds the same articles and gives the
same top 20 as one database; an article whose date changes moves shard and is never there
twice; standing-query alerts fire once per match, recorded in the article's year shard;
--delete reaches every shard; a run with another scheme is refused.
Usage: year_shards_test.py BIN_DIR SRC_DIR SHARED_DIR"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

from checks import Checks

BIN, SRC, SHARED = sys.argv[1:4]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
REUTERS = sorted(glob.glob(os.path.join(SHARED, "corpora", "reuters21578", "reut2-00[0-3].sgm")))
CORPUS = [os.path.join(SRC, "corpus", "seed"), os.path.join(SRC, "corpus", "samples")]
QUERIES = ["cocoa", "oil prices", "Ukraine negotiations Witkoff", "bank of japan", '"stock split"',
           "grain exports", "trade deficit", "dividend", "reagan budget", "coffee quota",
           "election", "climate"]


checks = Checks()
check = checks.check


def index(db, *args, stdin=None):
    return subprocess.run([INDEX, "--db", db, "-q", *args], capture_output=True, text=True,
                          input=stdin, timeout=600)


def results(db, *args, query=""):
    out = subprocess.run([SEARCH, "--db", db, "--json", "--no-snippets", *args, query],
                         capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    return json.loads(out.stdout)


def ranked(answer):
    return [(r["id"], round(r["score"], 6)) for r in answer["results"]]


def ids(db):
    # Every document's id (value slot 1), as xapian-delve sees the folder: through the stub.
    out = subprocess.run(["xapian-delve", "-1", "-V1", db], capture_output=True, text=True, check=True)
    return sorted(line.split(":", 1)[1] for line in out.stdout.splitlines()[1:] if ":" in line)


def holds(shard, article_id):
    out = subprocess.run(["xapian-delve", "-t", "Q" + article_id, shard], capture_output=True, text=True)
    return out.returncode == 0 and "termfreq 1" in out.stdout


def article(article_id, date, words):
    record = {"id": article_id, "title": "Zanzibar clove harvest " + words,
              "body": "The zanzibarcloves cooperative reported its harvest. " + words, "source": "test"}
    if date:
        record["date"] = date
    return json.dumps(record) + "\n"


def main():
    work = tempfile.mkdtemp(prefix="gazette-years-")
    try:
        single = os.path.join(work, "single.db")
        years = os.path.join(work, "years")
        index(single, *CORPUS, *REUTERS)
        made = index(years, "--shard-by", "year", *CORPUS, *REUTERS)
        check("indexing by year succeeds", made.returncode == 0, made.stderr)
        stub = open(os.path.join(years, "XAPIANDB")).read().split()
        names = stub[1::2]
        check("the stub lists undated first, then the years in order",
              names[0] == "undated" and names[1:] == sorted(names[1:], key=int) and "1987" in names,
              names)
        check("one shard folder per listed year, and no other",
              sorted(n for n in os.listdir(years) if n.isdigit() or n == "undated") == sorted(names),
              os.listdir(years))
        check("the scheme is recorded in the folder", open(os.path.join(years, "SHARD-BY")).read() == "year\n")
        check("the lexicon is made", os.path.isdir(os.path.join(years, "lexicon")))
        one_ids = ids(single)
        check("the same set of ids as one database, none twice",
              ids(years) == one_ids and len(set(one_ids)) == len(one_ids), len(one_ids))
        for q in QUERIES:
            one = results(single, "--limit", "20", query=q)
            by_year = results(years, "--limit", "20", query=q)
            check("top 20 for %r equals one database's" % q, ranked(one) == ranked(by_year),
                  (ranked(one)[:3], ranked(by_year)[:3]))
        one = results(single, "--limit", "20", "--from", "1987-03-01", "--to", "1987-03-05", query="oil")
        by_year = results(years, "--limit", "20", "--from", "1987-03-01", "--to", "1987-03-05", query="oil")
        check("a date-restricted search agrees too", ranked(one) == ranked(by_year))

        # An article whose date changes between runs moves shard and is there once.
        first = index(years, "-", stdin=article("moving:1", "2001-05-01", "first"))
        check("a new year makes its shard", first.returncode == 0 and
              os.path.isdir(os.path.join(years, "2001")) and "2001" in open(os.path.join(years, "XAPIANDB")).read(),
              first.stdout + first.stderr)
        again = index(years, "-", stdin=article("moving:1", "2003-02-02", "second"))
        check("re-dated: counted as a replacement", "(0 added, 1 replaced)" in again.stdout, again.stdout)
        found = results(years, "--exact-total", query="zanzibarcloves")
        check("re-dated: the article appears once, with its new date",
              found["estimated_total"] == 1 and found["results"][0]["date"].startswith("2003"),
              found)
        check("re-dated: the old year's shard no longer holds it",
              not holds(os.path.join(years, "2001"), "moving:1") and holds(os.path.join(years, "2003"), "moving:1"))
        undated = index(years, "-", stdin=article("moving:1", None, "third"))
        found = results(years, "--exact-total", query="zanzibarcloves")
        check("re-dated to no date: once, in undated",
              undated.returncode == 0 and found["estimated_total"] == 1 and
              holds(os.path.join(years, "undated"), "moving:1") and not holds(os.path.join(years, "2003"), "moving:1"),
              found)
        # The same id twice in one run, with two years: the later one is kept, once.
        twice = index(years, "-", stdin=article("moving:2", "1999-01-01", "one") + article("moving:2", "2005-01-01", "two"))
        found = results(years, "--exact-total", query="zanzibarcloves")
        check("one run, one id, two years: kept once (the later)",
              twice.returncode == 0 and found["estimated_total"] == 2 and
              not holds(os.path.join(years, "1999"), "moving:2") and holds(os.path.join(years, "2005"), "moving:2"),
              (twice.stdout, found["estimated_total"]))

        # --delete reaches every shard.
        reuters_id = next(i for i in one_ids if i.startswith("reuters:"))
        deleted = index(years, "--delete", "moving:1", "--delete", "moving:2", "--delete", reuters_id)
        check("--delete removes ids from whichever shard holds them",
              deleted.returncode == 0 and "deleted 3 articles, 0 ids not found" in deleted.stdout
              and results(years, "--exact-total", query="zanzibarcloves")["estimated_total"] == 0
              and reuters_id not in ids(years), deleted.stdout + deleted.stderr)
        missing = index(years, "--delete", "no-such-id")
        check("--delete of an unknown id says so (exit 3)", missing.returncode == 3 and "no such article" in missing.stderr)

        # Standing-query alerts: each match once, recorded in the shard of the article's year
        # (new years' shards join mid-run), and never again when re-indexed or re-dated.
        alerted = os.path.join(work, "alerted")
        standing = os.path.join(work, "standing.jsonl")
        with open(standing, "w") as f:
            f.write(json.dumps({"name": "cloves", "query": "zanzibarcloves"}) + "\n")
        out = os.path.join(work, "alerts.jsonl")
        batch = (article("a:1", "2001-03-01", "one") + article("a:2", "2003-03-01", "two") +
                 article("a:3", None, "three") + json.dumps({"id": "a:4", "title": "Pepper", "body": "pepper",
                                                             "date": "2001-04-01"}) + "\n")
        made = index(alerted, "--shard-by", "year", "--alerts", standing, "--alerts-out", out, "-", stdin=batch)
        lines = [json.loads(x) for x in open(out)] if os.path.exists(out) else []
        check("year shards with --alerts: every match alerted once",
              made.returncode == 0 and sorted(l["id"] for l in lines) == ["a:1", "a:2", "a:3"],
              (made.stderr, lines))
        for shard, article_id in (("2001", "a:1"), ("2003", "a:2"), ("undated", "a:3")):
            key = subprocess.run(["xapian-metadata", "get", os.path.join(alerted, shard),
                                  "gazette:alerted:cloves\x1f" + article_id], capture_output=True, text=True)
            check("the alert of %s is recorded in shard %s, with the article" % (article_id, shard),
                  key.stdout.strip() == "1", (key.stdout, key.stderr))
        out2 = os.path.join(work, "alerts-2.jsonl")
        again = subprocess.run([INDEX, "--db", alerted, "--alerts", standing, "--alerts-out", out2, "-"],
                               input=article("a:1", "2005-06-01", "re-dated") + article("a:5", "2005-07-01", "five"),
                               capture_output=True, text=True, timeout=600)  # not -q: the alert summary
        lines = [json.loads(x) for x in open(out2)] if os.path.exists(out2) else []
        check("a later run alerts only the new article, not the one re-dated into a new year",
              again.returncode == 0 and [l["id"] for l in lines] == ["a:5"] and
              os.path.isdir(os.path.join(alerted, "2005")) and holds(os.path.join(alerted, "2005"), "a:1"),
              (again.stderr, lines))
        check("and says the re-dated one had fired before", "1 matches had fired before" in again.stderr,
              again.stderr)

        # Another scheme is refused, with a message that says why.
        for args in (["--shards", "3"], ["--shard-by", "hash"]):
            refused = index(years, *args, *CORPUS)
            check("a year-sharded database refuses %s" % " ".join(args),
                  refused.returncode == 2 and "sharded by year" in refused.stderr, refused.stderr)
        hashed = os.path.join(work, "hashed")
        index(hashed, "--shards", "2", *CORPUS)
        refused = index(hashed, "--shard-by", "year", *CORPUS)
        check("a hash-sharded database refuses --shard-by year",
              refused.returncode == 2 and "sharded by hash" in refused.stderr, refused.stderr)
        refused = index(os.path.join(work, "x"), "--shard-by", "year", "--shards", "2", *CORPUS)
        check("--shard-by year with --shards is refused", refused.returncode == 2, refused.stderr)
        # Later runs need not repeat the scheme; re-indexing replaces, never duplicates.
        again = index(years, *CORPUS)
        check("re-indexing the corpus replaces, never duplicates",
              again.returncode == 0 and "(0 added," in again.stdout, again.stdout)
        check("still the same ids as one database (less the deleted one)",
              ids(years) == [i for i in one_ids if i != reuters_id])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
