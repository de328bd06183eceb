#!/usr/bin/env python3
"""End to end: the proximity boost on real articles. Two copies of one real BBC article get the
same three words added, side by side in one and far apart in the other, so that only the
words' closeness tells them apart; 200 other BBC articles fill the archive.
Usage: proximity_test.py BIN_DIR SRC_DIR SHARED_DIR"""
import glob
import json
import os
import subprocess
import sys
import tempfile

from checks import Checks

BIN, SRC, SHARED = sys.argv[1:4]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
QUERY = "ceasefire envoys Istanbul"

checks = Checks()
check = checks.check


def search(db, *args):
    out = subprocess.run([SEARCH, "--db", db, "--json", "--no-snippets", "--no-collapse",
                          "--limit", "50", *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("gazette-search failed (%d): %s" % (out.returncode, out.stderr))
    return json.loads(out.stdout)


def main():
    files = sorted(glob.glob(os.path.join(SHARED, "corpora", "bbc-news", "bbc", "politics", "*.txt")))
    base = open(files[0], encoding="latin-1").read().split("\n")
    title, body = base[0].strip(), " ".join(line.strip() for line in base[1:] if line.strip())
    words = body.split()
    third = len(words) // 3
    # The same 3 words in both; "together" puts them in a row, "apart" a third of the body apart.
    together = words[:third] + ["ceasefire", "envoys", "Istanbul"] + words[third:]
    apart = (words[:2] + ["ceasefire"] + words[2:third] + ["envoys"] + words[third:2 * third] +
             ["Istanbul"] + words[2 * third:])
    with tempfile.TemporaryDirectory() as work:
        jsonl = os.path.join(work, "articles.jsonl")
        with open(jsonl, "w") as out:
            out.write(json.dumps({"id": "apart", "title": title, "body": " ".join(apart)}) + "\n")
            out.write(json.dumps({"id": "together", "title": title, "body": " ".join(together)}) + "\n")
            for n, path in enumerate(files[1:201]):
                text = open(path, encoding="latin-1").read().split("\n")
                out.write(json.dumps({"id": "bbc-%d" % n, "title": text[0].strip(),
                                      "body": " ".join(text[1:])}) + "\n")
        db = os.path.join(work, "news.db")
        subprocess.run([INDEX, "--db", db, "--quiet", jsonl], check=True, capture_output=True)

        boosted = search(db, QUERY)
        plain = search(db, "--no-proximity", QUERY)
        ids = [r["id"] for r in boosted["results"]]
        check("the article with the words together is first", ids[:1] == ["together"], ids[:3])
        check("the article with them apart is second", ids[1:2] == ["apart"], ids[:3])
        scores = {r["id"]: r["score"] for r in plain["results"]}
        check("--no-proximity scores the two copies alike (only closeness differs)",
              abs(scores.get("together", 0) - scores.get("apart", -1)) < 1e-6 * max(scores.values()),
              scores)
        check("proximity matches the same articles",
              sorted(ids) == sorted(r["id"] for r in plain["results"]) and
              boosted["estimated_total"] == plain["estimated_total"],
              (boosted["estimated_total"], plain["estimated_total"]))
        check("the boost is in the query run", "NEAR" in boosted["parsed"], boosted["parsed"])
        check("--no-proximity leaves it out", "NEAR" not in plain["parsed"], plain["parsed"])
        quoted = search(db, '"ceasefire envoys" Istanbul')
        check("a query with syntax gets no boost", "NEAR 8" not in quoted["parsed"], quoted["parsed"])
        api_like = subprocess.run([SEARCH, "--db", db, "--jsonl"], input=json.dumps(
            {"query": QUERY, "proximity": False, "collapse": False}) + "\n",
            capture_output=True, text=True, check=True)
        check("proximity=false in a request does what --no-proximity does",
              "NEAR" not in json.loads(api_like.stdout)["parsed"])
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
