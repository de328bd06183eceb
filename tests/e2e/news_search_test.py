#!/usr/bin/env python3
"""End to end: filters, sorting, recency, facets and paging of the real gazette-search over
Reuters-21578, BBC News and HuffPost from ../shared, checked against counts computed here,
independently, from the input files. Usage: news_search_test.py BIN_DIR SRC_DIR SHARED_DIR"""
import collections
import datetime
import glob
import html
import json
import os
import re
import subprocess
import sys
import tempfile

from checks import Checks
from support import index_news

BIN, SRC, SHARED = sys.argv[1:4]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
CORPORA = os.path.join(SHARED, "corpora")
MONTHS = {m: i for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}


checks = Checks()
check = checks.check


def search(db, *args, query=None):
    cmd = [SEARCH, "--db", db, "--json", "--no-snippets", *args]
    if query is not None:
        cmd.append(query)
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (cmd, out.returncode, out.stderr))
    return json.loads(out.stdout)


# --- Independent counts from the input files ---------------------------------------------
def reuters_records():
    """Every Reuters record with some text: (date 'YYYY-MM-DD', topics, places)."""
    records = []
    for path in sorted(glob.glob(os.path.join(CORPORA, "reuters21578", "reut2-*.sgm"))):
        data = open(path, "rb").read().decode("latin-1")
        for rec in re.findall(r"<REUTERS.*?</REUTERS>", data, re.S):
            text = re.search(r"<TEXT[^>]*>(.*?)</TEXT>", rec, re.S)
            words = re.sub(r"<[^>]+>|&#?\w+;", " ", text.group(1)) if text else ""
            if not words.strip():
                continue  # no headline and no body: gazette-index rejects it, and says so
            day, mon, year = re.search(r"<DATE>\s*(\d+)-(\w{3})-(\d{4})", rec).groups()
            date = "%s-%02d-%02d" % (year, MONTHS[mon.upper()], int(day))

            def d_list(tag):
                m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), rec, re.S)
                return [html.unescape(v) for v in re.findall(r"<D>(.*?)</D>", m.group(1))] if m else []
            records.append((date, d_list("TOPICS"), d_list("PLACES")))
    return records


def huffpost_records():
    path = os.path.join(CORPORA, "huffpost-news-category-sample", "News_Category_Dataset_v2.json")
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def bbc_sections():
    root = os.path.join(CORPORA, "bbc-news", "bbc")
    return {d: len(glob.glob(os.path.join(root, d, "*.txt")))
            for d in sorted(os.listdir(root)) if os.path.isdir(os.path.join(root, d))}


def main():
    reuters = reuters_records()
    huffpost = huffpost_records()
    bbc = bbc_sections()
    work = tempfile.mkdtemp(prefix="gazette-news-")
    db = index_news(INDEX, SRC, CORPORA, work)

    # --- Source and section filters: case-insensitive, whole values ------------------------
    for given, expected in (("REUTERS", len(reuters)), ("bbc", sum(bbc.values())),
                            ("HuffPost", len(huffpost))):
        got = search(db, "--source", given, "--exact-total", "--limit", "0")["estimated_total"]
        check("--source %s counts %d" % (given, expected), got == expected, "got %d" % got)
    for section, expected in bbc.items():
        got = search(db, "--source", "bbc", "--section", section, "--exact-total", "--limit", "0")
        check("BBC section %s counts %d" % (section, expected), got["estimated_total"] == expected,
              "got %d" % got["estimated_total"])
    politics = sum(1 for r in huffpost if r["category"] == "POLITICS")
    got = search(db, "--section", "politics", "--source", "huffpost", "--exact-total", "--limit", "0")
    check("HuffPost section Politics counts %d" % politics, got["estimated_total"] == politics,
          "got %d" % got["estimated_total"])
    both = search(db, "--source", "bbc", "--source", "huffpost", "--exact-total", "--limit", "0")
    check("two --source values are ORed", both["estimated_total"] == sum(bbc.values()) + len(huffpost))

    # --- Date filters: every result in range, counts equal the input's ---------------------
    march = sum(1 for r in reuters if "1987-03-01" <= r[0] <= "1987-03-31")
    got = search(db, "--source", "reuters", "--from", "1987-03-01", "--to", "1987-03-31",
                 "--exact-total", "--limit", "1000")
    check("Reuters March 1987 counts %d" % march, got["estimated_total"] == march,
          "got %d" % got["estimated_total"])
    check("every result of the date filter is in March 1987",
          all("1987-03-01" <= r["date"][:10] <= "1987-03-31" for r in got["results"]))
    text_form = search(db, "--exact-total", "--limit", "0",
                       query="source:reuters date:1987-03-01..1987-03-31")
    check("the same filter in the query text counts the same", text_form["estimated_total"] == march)
    month_form = search(db, "--source", "reuters", "--from", "1987-03", "--to", "1987-03",
                        "--exact-total", "--limit", "0")
    check("--from/--to YYYY-MM cover the whole month", month_form["estimated_total"] == march)
    by_day = collections.Counter(r["date"] for r in huffpost)
    for day in sorted(by_day)[::20]:
        got = search(db, "--from", day, "--to", day, "--exact-total", "--limit", "0")
        check("HuffPost on %s counts %d" % (day, by_day[day]), got["estimated_total"] == by_day[day],
              "got %d" % got["estimated_total"])
    open_end = sum(1 for r in reuters if r[0] >= "1987-10-01")
    got = search(db, "--from", "1987-10", "--to", "1987-12-31", "--exact-total", "--limit", "0")
    check("an open-ended range (October 1987 on, Reuters only dated then) counts %d" % open_end,
          got["estimated_total"] == open_end, "got %d" % got["estimated_total"])

    # --- Filters never change scores -----------------------------------------------------------
    plain = {r["id"]: r["score"] for r in search(db, "--limit", "1000", query="oil prices")["results"]}
    filtered = search(db, "--limit", "1000", "--source", "reuters", query="oil prices")["results"]
    check("filtered results keep their unfiltered scores",
          filtered and all(abs(plain[r["id"]] - r["score"]) < 1e-9 for r in filtered if r["id"] in plain))

    # --- Facets equal independent counts --------------------------------------------------------
    # Asked for by the aliases tag and place; answered under the fields' names, tags and places.
    got = search(db, "--source", "reuters", "--facets", "tag,place,year,month", "--facet-size", "1000",
                 "--limit", "0")
    check("facets over all of Reuters are exact", got["facets_exact"] is True)
    check("facets are named by their fields' names", sorted(got["facets"]) == ["month", "places", "tags", "year"],
          sorted(got["facets"]))
    facets = {name: {v["value"]: v["count"] for v in values} for name, values in got["facets"].items()}
    tags = collections.Counter(t for r in reuters for t in set(r[1]))
    places = collections.Counter(p for r in reuters for p in set(r[2]))
    months = collections.Counter(r[0][:7] for r in reuters)
    check("tag facet counts equal the input's (%d values)" % len(tags), facets["tags"] == dict(tags),
          str(set(tags.items()) ^ set(facets["tags"].items()))[:300])
    check("place facet counts equal the input's (%d values)" % len(places), facets["places"] == dict(places),
          str(set(places.items()) ^ set(facets["places"].items()))[:300])
    check("month facet is a histogram of Reuters dates", facets["month"] == dict(months))
    check("year facet counts all of Reuters in 1987", facets["year"] == {"1987": len(reuters)})
    ordered = [v["count"] for v in got["facets"]["tags"]]
    check("facet values come most frequent first", ordered == sorted(ordered, reverse=True))
    top3 = search(db, "--source", "reuters", "--facets", "tag", "--facet-size", "3", "--limit", "0")
    check("--facet-size cuts each facet", len(top3["facets"]["tags"]) == 3
          and [v["value"] for v in top3["facets"]["tags"]] == [v["value"] for v in got["facets"]["tags"][:3]])
    cocoa = search(db, "--facets", "source,section", "--limit", "0", "--facet-size", "1000", query="cocoa")
    total = sum(v["count"] for v in cocoa["facets"]["source"])
    check("a query's source facet adds up to its exact total", total == cocoa["total_upper_bound"]
          == cocoa["total_lower_bound"])
    cats = collections.Counter(r["category"].title() for r in huffpost)
    got = search(db, "--source", "huffpost", "--facets", "section", "--facet-size", "1000", "--limit", "0")
    check("HuffPost section facet equals the input's categories",
          {v["value"]: v["count"] for v in got["facets"]["section"]} == dict(cats))

    # --- Sorting and paging -------------------------------------------------------------------
    pages = [search(db, "--sort", "newest", "--limit", "100", "--offset", str(o), query="oil")["results"]
             for o in range(0, 500, 100)]
    dates = [r["date"] for page in pages for r in page]
    check("--sort newest is non-increasing across 5 pages", dates == sorted(dates, reverse=True)
          and len(dates) == 500)
    oldest = search(db, "--sort", "oldest", "--limit", "200", query="oil")["results"]
    odates = [r["date"] for r in oldest]
    check("--sort oldest is non-decreasing", odates == sorted(odates))
    undated = search(db, "--sort", "newest", "--limit", "1000", "--source", "bbc", "--source", "huffpost",
                     query="election")["results"]
    seen_undated = False
    ok = True
    for r in undated:
        seen_undated = seen_undated or not r["date"]
        ok = ok and (not seen_undated or not r["date"])
    check("undated articles come after dated ones in --sort newest", ok and seen_undated)
    for sort in ("relevance", "newest"):
        whole = [r["id"] for r in search(db, "--sort", sort, "--limit", "500", query="oil")["results"]]
        paged = [r["id"] for o in range(0, 500, 100)
                 for r in search(db, "--sort", sort, "--limit", "100", "--offset", str(o), query="oil")["results"]]
        check("paging (%s) over 500 results: no duplicate, no gap" % sort,
              paged == whole and len(set(paged)) == 500)
    ties = search(db, "--limit", "1000", "--source", "reuters", "--from", "1987-03-02", "--to", "1987-03-02")["results"]
    keys = [(r["date"], r["id"]) for r in ties]
    check("equal scores (a pure filter) are ordered by date, newest first, then id",
          len(keys) > 100 and all(a[0] > b[0] or (a[0] == b[0] and a[1] < b[1])
                                  for a, b in zip(keys, keys[1:])))

    # --- Recency --------------------------------------------------------------------------------
    now = "2018-05-27"
    relevance = search(db, "--limit", "100", query="trump")["results"]
    short = search(db, "--limit", "20", "--sort", "recency", "--half-life", "1", "--now", now,
                   query="trump")["results"]
    recent = lambda results: sum(1 for r in results[:10] if r["date"] and r["date"][:10] >= "2018-05-22")
    check("a short half-life puts the last days' matches on top (8 of the top 10 or more)",
          recent(short) >= 8, str([r["date"] for r in short[:10]]))
    check("... where relevance alone did not", recent(relevance) < recent(short))
    # The documented formula, exactly: recency score = BM25 + 2 × 0.5^(age / half-life),
    # rounded to a thousandth of the weight.
    bm25 = {r["id"]: r["score"] for r in search(db, "--limit", "1000", query="trump")["results"]}
    now_day = datetime.date.fromisoformat(now)

    def boost(date):
        age = max(0, (now_day - datetime.date.fromisoformat(date[:10])).days)
        return round(2 * 0.5 ** (age / 1.0) / 2 * 1000) * 2 / 1000
    check("recency scores are BM25 + the documented boost",
          all(abs(r["score"] - bm25[r["id"]] - boost(r["date"])) < 1e-6 for r in short if r["id"] in bm25))
    huge = search(db, "--limit", "100", "--sort", "recency", "--half-life", "1e12", "--now", now,
                  query="trump")["results"]
    check("a huge half-life gives the plain relevance order",
          [r["id"] for r in huge] == [r["id"] for r in relevance])

    # --- Bad input: exit status 2 and nothing on stdout ------------------------------------------
    for args in (["--from", "2025", "--to", "2024"], ["--from", "March"], ["--facets", "colour"],
                 ["--sort", "date"], ["--limit", "1001"], ["--half-life", "0", "--sort", "recency"]):
        out = subprocess.run([SEARCH, "--db", db, *args, "oil"], capture_output=True, text=True)
        check("%s exits 2 with a message and no results" % " ".join(args),
              out.returncode == 2 and out.stdout == "" and out.stderr.strip() != "")

    subprocess.run(["rm", "-rf", work])
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
