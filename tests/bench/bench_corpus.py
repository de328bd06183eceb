#!/usr/bin/env python3
"""Corpus helpers for index_search_bench.sh (standard library only).

Subcommands:
  inputs    list the raw input files of the benchmark corpus, one per line, and
            their total size in bytes on stderr-free stdout (see --bytes)
  convert   turn the raw Reuters-21578 SGML and BBC text files (or, with --jsonl, a
            JSON Lines file such as gazette-generate's) into a scriptindex dump file
            (records of name=value lines, blank line between records), or with
            --format fts5-csv into CSV rows for SQLite's .import (peer_fts5.sql)
  queries   print a deterministic set of benchmark queries, one per line, made from
            headline words of the same raw files (seeded RNG)
  compare   check that two databases index sample articles identically: same terms with
            the same wdf, same values (uses xapian-delve); prints "SAME TOTAL"

The raw files are read in place from the shared corpora folder; nothing is copied
into the repository. The mapping mirrors gazette-index's readers
(docs/article-format.md) so that both engines index the same articles and fields:
  Reuters: id reuters:NEWID, TITLE, DATELINE + BODY (or TEXT without tags) as body,
           DATE, TOPICS/PEOPLE/PLACES/ORGS <D> lists, source Reuters
  BBC:     id <category>/<file>.txt, headline = first non-empty line, body = rest,
           section = category, source BBC, no date
  JSON Lines (--jsonl FILE): the fields of docs/article-format.md (tags -> topic,
           organizations -> org, authors -> author, url, language; date in ISO 8601)
Records with neither title nor body are skipped (gazette-index rejects them too).
"""

import csv
import datetime
import json

import argparse
import calendar
import html
import os
import random
import re
import subprocess
import sys
import time

REUTERS_GLOB_RE = re.compile(r"^reut2-\d{3}\.sgm$")
BBC_CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")

RECORD_RE = re.compile(r"<REUTERS([^>]*)>(.*?)</REUTERS>", re.S)
NEWID_RE = re.compile(r'\sNEWID="([^"]*)"')
D_RE = re.compile(r"<D>(.*?)</D>", re.S)
TAG_RE = re.compile(r"<[^>]*>")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}


def reuters_files(shared):
    folder = os.path.join(shared, "corpora", "reuters21578")
    names = sorted(n for n in os.listdir(folder) if REUTERS_GLOB_RE.match(n))
    return [os.path.join(folder, n) for n in names]


def bbc_files(shared):
    """(category, path) of every BBC article; bbc/README.TXT is not an article."""
    root = os.path.join(shared, "corpora", "bbc-news", "bbc")
    out = []
    for cat in BBC_CATEGORIES:
        folder = os.path.join(root, cat)
        for name in sorted(os.listdir(folder)):
            if name.lower().endswith(".txt"):
                out.append((cat, os.path.join(folder, name)))
    return out


def decode(raw):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def clean(text):
    return CONTROL_RE.sub("", html.unescape(text)).strip()


def element(record, tag):
    m = re.search(r"<%s[ >]" % tag, record)
    if not m:
        return None
    start = record.find(">", m.start()) + 1
    end = record.find("</%s>" % tag, start)
    if end < 0:
        return None
    return record[start:end]


def d_list(record, tag):
    inner = element(record, tag)
    if inner is None:
        return []
    return [v for v in (clean(x) for x in D_RE.findall(inner)) if v]


def reuters_date(text):
    """'26-FEB-1987 15:01:01.79' -> (unix seconds UTC, 'YYYYMMDD'), tolerant of odd spacing
    and of a malformed time (then the day alone is used)."""
    parts = text.split()
    if not parts:
        return None
    dmy = parts[0].split("-")
    if len(dmy) != 3 or dmy[1].upper() not in MONTHS:
        return None
    try:
        day, month, year = int(dmy[0]), MONTHS[dmy[1].upper()], int(dmy[2])
    except ValueError:
        return None
    hh = mm = ss = 0
    if len(parts) > 1:
        hms = parts[1].split(".")[0].split(":")
        try:
            h, m, s = (int(x) for x in hms)
            if 0 <= h < 24 and 0 <= m < 60 and 0 <= s < 61:
                hh, mm, ss = h, m, s
        except ValueError:
            pass
    try:
        ts = calendar.timegm((year, month, day, hh, mm, ss, 0, 0, 0))
    except (ValueError, OverflowError):
        return None
    return ts, "%04d%02d%02d" % (year, month, day)


def reuters_articles(path):
    text = decode(open(path, "rb").read())
    for m in RECORD_RE.finditer(text):
        attrs, record = m.group(1), m.group(2)
        newid = NEWID_RE.search(" " + attrs)
        if not newid:
            continue
        a = {"id": "reuters:" + newid.group(1), "source": "Reuters", "section": ""}
        date = element(record, "DATE")
        a["date"] = reuters_date(clean(date)) if date is not None else None
        title = element(record, "TITLE")
        a["title"] = clean(title) if title is not None else ""
        dateline = element(record, "DATELINE")
        dateline = clean(dateline) if dateline is not None else ""
        body = element(record, "BODY")
        if body is not None:
            a["body"] = clean(body)
        else:
            inner = element(record, "TEXT") or ""
            t = element(inner, "TITLE")
            if t is not None:
                inner = inner.replace(t, "", 1)
            a["body"] = clean(TAG_RE.sub("", inner))
            if dateline and a["body"].startswith(dateline):
                dateline = ""
        if dateline:
            a["body"] = dateline + " " + a["body"]
        a["topics"] = d_list(record, "TOPICS")
        a["people"] = d_list(record, "PEOPLE")
        a["places"] = d_list(record, "PLACES")
        a["orgs"] = d_list(record, "ORGS")
        if a["title"] or a["body"]:
            yield a


def bbc_article(cat, path):
    text = decode(open(path, "rb").read())
    if text.startswith("\ufeff"):
        text = text[1:]
    text = CONTROL_RE.sub("", text)
    lines = text.split("\n")
    title = ""
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        i += 1
        if line:
            title = line.lstrip("#").strip()
            break
    body = "\n".join(lines[i:]).strip()
    return {"id": "%s/%s" % (cat, os.path.basename(path)), "source": "BBC", "section": cat,
            "title": title, "body": body, "date": None,
            "topics": [], "people": [], "places": [], "orgs": []}


def jsonl_date(text):
    """ISO 8601 as docs/article-format.md allows it -> (unix seconds UTC, 'YYYYMMDD')."""
    try:
        d = datetime.datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    except ValueError:
        return None
    if d.tzinfo is not None:
        d = d.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    ts = calendar.timegm(d.timetuple())
    return ts, d.strftime("%Y%m%d")


def as_list(value):
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [v for v in (value or []) if isinstance(v, str) and v.strip()]


def jsonl_articles(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                o = json.loads(line)
            except ValueError:
                continue
            if not isinstance(o, dict) or not o.get("id") or not (o.get("title") or o.get("body")):
                continue
            yield {"id": o["id"], "source": o.get("source") or "", "section": o.get("section") or "",
                   "title": o.get("title") or "", "body": o.get("body") or "",
                   "date": jsonl_date(o["date"]) if o.get("date") else None,
                   "topics": as_list(o.get("tags")), "people": as_list(o.get("people")),
                   "places": as_list(o.get("places")), "orgs": as_list(o.get("organizations")),
                   "authors": as_list(o.get("authors")), "url": o.get("url") or "",
                   "lang": o.get("language") or "en"}


def all_articles(shared, jsonl=None):
    if jsonl:
        yield from jsonl_articles(jsonl)
        return
    for path in reuters_files(shared):
        yield from reuters_articles(path)
    for cat, path in bbc_files(shared):
        a = bbc_article(cat, path)
        if a["title"] or a["body"]:
            yield a


# ---------------------------------------------------------------------------- inputs

def cmd_inputs(args):
    files = reuters_files(args.shared) + [p for _, p in bbc_files(args.shared)]
    if args.bytes:
        print(sum(os.path.getsize(p) for p in files))
    elif args.kind == "reuters":
        print("\n".join(reuters_files(args.shared)))
    elif args.kind == "bbc":
        print("\n".join(p for _, p in bbc_files(args.shared)))
    else:
        print("\n".join(files))


# ---------------------------------------------------------------------------- convert

def dump_value(value):
    # Newlines inside a value are escaped by starting each continuation line with '='.
    return value.replace("\r", "").replace("\n", "\n=")


# The list fields, as (article key, scriptindex field name / FTS5 column).
LIST_FIELDS = (("topics", "topic"), ("people", "person"), ("places", "place"),
               ("orgs", "org"), ("authors", "author"))
# The FTS5 table's columns, in peer_fts5.sql's order.
FTS5_COLUMNS = ("id", "title", "body", "source", "section", "topic", "person", "place",
                "org", "author", "url", "date", "lang")


def fts5_row(a):
    row = {"id": a["id"], "title": a["title"], "body": a["body"], "source": a["source"],
           "section": a["section"], "url": a.get("url", ""), "lang": a.get("lang", "en"),
           "date": a["date"][1] if a["date"] else ""}
    for key, name in LIST_FIELDS:
        row[name] = "; ".join(a.get(key, []))
    return [row[c] for c in FTS5_COLUMNS]


def write_dump_record(out, a):
    rec = ["id=" + a["id"], "title=" + dump_value(a["title"]),
           "body=" + dump_value(a["body"])]
    if a["source"]:
        rec.append("source=" + a["source"])
    if a["section"]:
        rec.append("section=" + a["section"])
    for key, name in LIST_FIELDS:
        values = a.get(key, [])
        rec.extend("%s=%s" % (name, dump_value(v)) for v in values)
        if values:
            # The facet value list, as gazette's encode_value_list writes it: the
            # values joined by U+001F (scriptindex cannot join repeated fields).
            rec.append("%s_list=%s" % (name, "\x1f".join(
                "".join(" " if c < " " else c for c in v) for v in values)))
    if a.get("url"):
        rec.append("url=" + dump_value(a["url"]))
    if a["date"]:
        ts, ymd = a["date"]
        rec += ["timestamp=%d" % ts, "ymd=" + ymd, "year=" + ymd[:4],
                "month=%s-%s" % (ymd[:4], ymd[4:6])]
    rec.append("lang=" + a.get("lang", "en"))
    out.write("\n".join(rec) + "\n\n")


def cmd_convert(args):
    start = time.monotonic()
    n = 0
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        writer = csv.writer(out, lineterminator="\n") if args.format == "fts5-csv" else None
        for a in all_articles(args.shared, args.jsonl):
            if writer:
                writer.writerow(fts5_row(a))
            else:
                write_dump_record(out, a)
            n += 1
    print("%d %.3f" % (n, time.monotonic() - start))


# ---------------------------------------------------------------------------- queries

# Words too common to make a useful query (gazette's searcher drops English stopwords,
# the plain Xapian peer does not; keeping them out keeps the two comparable).
STOP = set("""a about above after again against all am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers him his how i if in into is it its itself
just me more most my no nor not now of off on once only or other our out over own same she
should so some such than that the their them then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you
your says say said new""".split())
WORD_RE = re.compile(r"[a-z]+")


def headline_tokens(shared, jsonl=None):
    for a in all_articles(shared, jsonl):
        toks = WORD_RE.findall(a["title"].lower())
        if toks:
            yield toks


def cmd_queries(args):
    """Words and adjacent word pairs are drawn with their headline frequency (a word that
    heads many stories is drawn often, as in real query logs); the RNG is seeded, so the
    same corpus always gives the same queries."""
    rng = random.Random(args.seed)
    words = []
    pairs = []
    for toks in headline_tokens(args.shared, args.jsonl):
        good = [len(t) >= 3 and t not in STOP for t in toks]
        words.extend(t for t, g in zip(toks, good) if g)
        for i in range(len(toks) - 1):
            if good[i] and good[i + 1]:
                pairs.append((toks[i], toks[i + 1]))
    n_phrase = int(round(args.count * args.phrase_share))
    queries = []
    for _ in range(args.count - n_phrase):
        picked = []
        k = rng.randint(1, 3)
        while len(picked) < k:
            w = rng.choice(words)
            if w not in picked:
                picked.append(w)
        queries.append(" ".join(picked))
    for _ in range(n_phrase):
        queries.append('"%s %s"' % rng.choice(pairs))
    rng.shuffle(queries)
    sys.stdout.write("\n".join(queries) + "\n")


# ---------------------------------------------------------------------------- compare

def delve(db, *args):
    return subprocess.run(["xapian-delve", *args, db], check=True, capture_output=True,
                          text=True, errors="replace").stdout


# What only gazette-index adds, left out of the comparison: folded name-variant terms (XF)
# and the near-duplicate key and sort-key values (slots 13, 14, 15).
GAZETTE_ONLY_TERM_PREFIX = "XF"
GAZETTE_ONLY_SLOTS = ("13:", "14:", "15:")


def doc_fingerprint(db, article_id):
    """(terms with wdf, values) of the document with unique term Q<id>, or None; without
    the terms and values only gazette-index makes."""
    post = delve(db, "-1", "-t", "Q" + article_id).split("\n")[1:]
    docids = [x.strip() for x in post if x.strip()]
    if len(docids) != 1:
        return None
    terms = delve(db, "-1", "-v", "-r", docids[0]).split("\n")[1:]
    terms = sorted(" ".join(t.split()[:2]) for t in terms
                   if t.strip() and not t.startswith(GAZETTE_ONLY_TERM_PREFIX))
    values = delve(db, "-V", "-r", docids[0]).split("\n")[0]
    values = values.split(":", 1)[1].strip() if ":" in values else ""
    values = " ".join(v for v in re.split(r" (?=\d{1,2}:)", values)
                      if not v.startswith(GAZETTE_ONLY_SLOTS))
    return terms, values


def cmd_compare(args):
    ids = [line[3:].rstrip("\n") for line in open(args.dump, encoding="utf-8")
           if line.startswith("id=")]
    every = args.every or max(1000, len(ids) // 200)  # about 200 samples at most
    sample = ids[::every] + ids[-1:]
    same = 0
    for article_id in sample:
        a = doc_fingerprint(args.db_a, article_id)
        b = doc_fingerprint(args.db_b, article_id)
        if a is not None and a == b:
            same += 1
            continue
        if a is None or b is None:
            print("compare: %s: missing from %s" % (article_id, args.db_a if a is None else args.db_b),
                  file=sys.stderr)
            continue
        only_a = sorted(set(a[0]) - set(b[0]))[:8]
        only_b = sorted(set(b[0]) - set(a[0]))[:8]
        print("compare: %s differs: terms only in A %s, only in B %s%s" % (
            article_id, only_a, only_b, "" if a[1] == b[1] else "; values A %r B %r" % (a[1], b[1])),
            file=sys.stderr)
    print("%d %d" % (same, len(sample)))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", required=True, help="the shared/ folder (holds corpora/)")
    p.add_argument("--jsonl", metavar="FILE",
                   help="read the articles from this JSON Lines file instead of Reuters + BBC")
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("inputs")
    s.add_argument("--bytes", action="store_true", help="print the total size in bytes")
    s.add_argument("--kind", choices=("all", "reuters", "bbc"), default="all")
    s = sub.add_parser("convert")
    s.add_argument("output")
    s.add_argument("--format", choices=("scriptindex", "fts5-csv"), default="scriptindex")
    s = sub.add_parser("queries")
    s.add_argument("--count", type=int, default=2000)
    s.add_argument("--seed", type=int, default=20250101)
    s.add_argument("--phrase-share", type=float, default=0.15)
    s = sub.add_parser("compare")
    s.add_argument("dump", help="the convert output (its ids are sampled)")
    s.add_argument("db_a")
    s.add_argument("db_b")
    s.add_argument("--every", type=int, default=0,
                   help="sample every Nth article (default: 1000, or fewer samples so that at most about 200)")
    args = p.parse_args()
    {"inputs": cmd_inputs, "convert": cmd_convert, "queries": cmd_queries,
     "compare": cmd_compare}[args.cmd](args)


if __name__ == "__main__":
    main()
