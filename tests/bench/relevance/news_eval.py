#!/usr/bin/env python3
"""News relevance evaluation: how well Gazette ranks news, side by side with plain Xapian
and SQLite FTS5.

The archive is the shared news corpus as the other benchmarks use it (Reuters-21578, BBC
News, the HuffPost sample and the seed article, ~28,600 articles), written to one JSON
Lines file that both engines index, so both see the same articles under the same ids. The
Reuters TOPICS tags are left out of the indexed records: they are the judgements.

Query sets, all derived here by fixed rules and a seeded RNG (nothing is stored):
- known-item: an article's headline gives 2-4 of its words (stop words out, in headline
  order); the article (or an identical copy) is the one right answer; MRR@10. Articles whose
  headline another, different article shares are not used: no answer is right there.
- one typo: the same queries with one word of 5+ letters misspelt by one of four rules
  (a letter dropped, doubled, two neighbours swapped, one replaced by a keyboard neighbour);
- Reuters topics: each TOPICS category's description ("Money/Foreign Exchange") as the query,
  the Reuters articles tagged with it as the relevant ones; MAP at 1,000 results;
- TIME: the judged TIME collection through run_relevance.py (its MAP, same variants).
The seed query `Ukraine negotiations Witkoff` and its misspelling report the seed's rank.

  python3 tests/bench/relevance/news_eval.py [--variant NAME=ARGS ...] [--json OUT]

Variants are extra gazette-search arguments; `defaults` (none) always runs, and the
`xapian` column is plain Xapian (relevance-baseline: one TermGenerator over title + body,
QueryParser defaults, BM25 defaults); the `fts5` column is SQLite FTS5 (run_relevance.py's
run_fts5: title and body, porter stemmer, the words OR'ed, bm25()). Standard library only;
exits 1 on any failed query.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import metrics  # noqa: E402
import run_relevance  # noqa: E402
import bench_corpus  # noqa: E402

K = 10
SEED_ID = "firstpost:2025-02-12-trump-putin-ukraine-negotiations"
SEED_QUERIES = {"seed": "Ukraine negotiations Witkoff", "seed-typo": "Ukrane negotiatons Witkof"}
WORD_RE = re.compile(r"[a-z]+")
# A keyboard's neighbours, for the substitution typo.
QWERTY = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def shared_root(arg):
    if arg:
        return Path(arg)
    env = os.environ.get("GAZETTE_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def keyboard_neighbours(letter):
    for r, row in enumerate(QWERTY):
        c = row.find(letter)
        if c < 0:
            continue
        near = [row[i] for i in (c - 1, c + 1) if 0 <= i < len(row)]
        for other in (r - 1, r + 1):
            if 0 <= other < len(QWERTY):
                near += [QWERTY[other][i] for i in (c - 1, c, c + 1) if 0 <= i < len(QWERTY[other])]
        return near
    return []


def misspell(word, rng):
    """One typo by one of the four rules; None when the word cannot take the rule drawn."""
    rule = rng.choice(["drop", "double", "swap", "substitute"])
    i = rng.randrange(len(word))
    if rule == "drop":
        return word[:i] + word[i + 1:]
    if rule == "double":
        return word[:i + 1] + word[i] + word[i + 1:]
    if rule == "swap":
        i = min(i, len(word) - 2)
        if word[i] == word[i + 1]:
            return None
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    near = keyboard_neighbours(word[i])
    if not near:
        return None
    return word[:i] + rng.choice(near) + word[i + 1:]


def news_articles(shared: Path):
    """(records to index, Reuters topics per id) of the shared news corpus."""
    corpora = shared / "corpora"
    records, topics = [], {}
    for a in bench_corpus.all_articles(str(shared)):
        rec = {"id": a["id"], "title": a["title"], "body": a["body"], "source": a["source"]}
        if a["section"]:
            rec["section"] = a["section"]
        if a["date"]:
            rec["date"] = "%s-%s-%s" % (a["date"][1][:4], a["date"][1][4:6], a["date"][1][6:])
        records.append(rec)
        if a["topics"]:
            topics[a["id"]] = set(a["topics"])
    huff = subprocess.run([sys.executable, str(REPO / "tests/e2e/huffpost_to_jsonl.py"),
                           str(corpora / "huffpost-news-category-sample/News_Category_Dataset_v2.json")],
                          capture_output=True, text=True, check=True)
    for line in huff.stdout.splitlines():
        o = json.loads(line)
        if o.get("title") or o.get("body"):
            records.append({k: o[k] for k in ("id", "title", "body", "source", "section", "date") if o.get(k)})
    with open(REPO / "corpus/seed/firstpost-trump-putin-ukraine-negotiations.jsonl", encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            records.append({k: o[k] for k in ("id", "title", "body", "source", "date") if o.get(k)})
    return records, topics


def normalised(text):
    return " ".join(WORD_RE.findall(text.lower()))


def known_item_queries(records, rng, count):
    """{qid: query}, {qid: {id: 1, ...}} (the target and its identical copies), typo queries."""
    copies, by_title = {}, {}
    for r in records:
        key = (normalised(r.get("title", "")), normalised(r.get("body", "")))
        copies.setdefault(key, []).append(r["id"])
        by_title.setdefault(key[0], set()).add(key[1])
    candidates = []
    for r in records:
        title = normalised(r.get("title", ""))
        words = []
        for w in title.split():
            if len(w) >= 3 and w not in bench_corpus.STOP and w not in words:
                words.append(w)
        if len(words) >= 2 and len(by_title[title]) == 1:
            candidates.append((r, words))
    rng.shuffle(candidates)
    queries, qrels, typo_queries = {}, {}, {}
    for n, (r, words) in enumerate(candidates[:count]):
        k = min(len(words), rng.choice([2, 3, 3, 4]))
        picked = sorted(rng.sample(range(len(words)), k))
        chosen = [words[i] for i in picked]
        qid = "k%d" % n
        queries[qid] = " ".join(chosen)
        key = (normalised(r.get("title", "")), normalised(r.get("body", "")))
        qrels[qid] = {i: 1 for i in copies[key]}
        long_words = [i for i, w in enumerate(chosen) if len(w) >= 5]
        for _ in range(10):
            if not long_words:
                break
            i = rng.choice(long_words)
            wrong = misspell(chosen[i], rng)
            if wrong and wrong != chosen[i]:
                typo_queries["t%d" % n] = " ".join(chosen[:i] + [wrong] + chosen[i + 1:])
                qrels["t%d" % n] = qrels[qid]
                break
    return queries, typo_queries, qrels


# Commodity codes are listed without a description: these are written out as words.
CODE_WORDS = {"alum": "aluminium", "f-cattle": "feeder cattle", "l-cattle": "live cattle",
              "lin-meal": "linseed meal", "lin-oil": "linseed oil", "soy-meal": "soybean meal",
              "soy-oil": "soybean oil", "veg-oil": "vegetable oil", "sun-meal": "sunflower meal",
              "sun-oil": "sunflower oil", "sunseed": "sunflower seed", "rape-oil": "rapeseed oil",
              "rape-meal": "rapeseed meal", "palmkernel": "palm kernel", "citruspulp": "citrus pulp",
              "castorseed": "castor seed", "cornglutenfeed": "corn gluten feed",
              "strategic-metal": "strategic metal", "plywood": "plywood", "hog": "hogs"}


def topic_queries(shared: Path, topics):
    """Each TOPICS category's description as a query (a commodity's name), judged by the
    Reuters articles tagged with it; categories of fewer than 5 articles are left out."""
    text = (shared / "corpora/reuters21578/cat-descriptions_120396.txt").read_text(encoding="latin-1")
    section = text[text.index("****Subject Codes"):text.index("______")]
    named = []
    for line in section.splitlines():
        line = line.strip()
        m = re.fullmatch(r"([A-Z][^()]*?) \(([A-Z0-9-]+)\)", line)
        if m:
            named.append((m.group(1), m.group(2).lower()))
        elif re.fullmatch(r"[A-Z0-9-]+", line):
            code = line.lower()
            named.append((CODE_WORDS.get(code, code.replace("-", " ")), code))
    queries, qrels = {}, {}
    for name, code in named:
        judged = {i: 1 for i, tags in topics.items() if code in tags}
        if len(judged) >= 5:
            queries["topic:" + code] = name
            qrels["topic:" + code] = judged
    return queries, qrels


def reciprocal_rank(ranking, judged):
    for rank, doc in enumerate(ranking[:K], 1):
        if doc in judged:
            return 1.0 / rank
    return 0.0


def time_map(bin_dir: Path, variants: dict, work: Path) -> dict:
    """TIME's MAP per variant (and plain Xapian's) through run_relevance.py."""
    out = work / "time.json"
    args = [sys.executable, str(HERE / "run_relevance.py"), "--collections", "time", "--fts5",
            "--gazette-bin", str(bin_dir), "--json", str(out), "--variants", ",".join(variants)]
    for name, vargs in variants.items():
        args += ["--variant", "%s=%s" % (name, " ".join(vargs))]
    proc = subprocess.run(args, capture_output=True, text=True)
    if not out.exists():
        raise SystemExit("run_relevance.py failed: " + proc.stderr[-1000:])
    report = json.loads(out.read_text())
    return {v: r["map"] for v, r in report["collections"]["time"]["variants"].items()}


def run(args) -> int:
    shared = shared_root(args.shared)
    bin_dir = Path(args.gazette_bin)
    variants = {"defaults": []}
    for spec in args.variant:
        name, _, rest = spec.partition("=")
        variants[name] = rest.split()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="gazette-news-eval-") as tmp:
        work = Path(args.workdir or tmp)
        work.mkdir(parents=True, exist_ok=True)
        records, topics = news_articles(shared)
        jsonl = work / "news.jsonl"
        with jsonl.open("w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        db = work / "news.db"
        idx = run_relevance.index(bin_dir, db, jsonl)
        log("indexed: " + (idx["summary"].splitlines()[0] if idx["summary"] else idx["stderr"][:300]))
        queries, typo_queries, qrels = known_item_queries(records, rng, args.known_items)
        tq, tqrels = topic_queries(shared, topics)
        qrels.update(tqrels)
        sets = {"correct": queries, "typo": typo_queries, "topics": tq, "seed": SEED_QUERIES}
        log("%d known-item queries, %d with a typo, %d topics" % (len(queries), len(typo_queries), len(tq)))
        problems, table = [], {}
        for vname in ["xapian", "fts5", *variants]:
            row = {}
            for sname, qs in sets.items():
                limit = 1000 if sname == "topics" else K
                if vname == "xapian":
                    res = run_relevance.run_baseline(bin_dir, work, sname, jsonl, qs, limit)
                elif vname == "fts5":
                    res = run_relevance.run_fts5(work, sname, jsonl, qs, limit)
                else:
                    res = run_relevance.search(bin_dir, db, variants[vname], qs, limit)
                if res["errors"]:
                    problems.append("%s/%s: %d queries failed, first: %s" % (
                        vname, sname, len(res["errors"]), next(iter(res["errors"].items()))))
                if sname == "topics":
                    row["topics_map"] = metrics.evaluate(res["rankings"], {q: qrels[q] for q in qs}, K)["map"]
                elif sname == "seed":
                    for q in qs:
                        r = res["rankings"].get(q, [])
                        row[q + "_rank"] = r.index(SEED_ID) + 1 if SEED_ID in r else None
                else:
                    rr = [reciprocal_rank(res["rankings"].get(q, []), qrels[q]) for q in qs]
                    row[sname + "_mrr"] = sum(rr) / len(rr) if rr else 0.0
                    row[sname + "_count"] = len(rr)
            n_c, n_t = row["correct_count"], row["typo_count"]
            row["known_item_mrr"] = (row["correct_mrr"] * n_c + row["typo_mrr"] * n_t) / (n_c + n_t)
            table[vname] = row
            log("%s: %s" % (vname, json.dumps({k: round(v, 4) if isinstance(v, float) else v
                                                for k, v in row.items()})))
        for vname, m in time_map(bin_dir, variants, work).items():
            table[vname]["time_map"] = m
    print("| engine | known-item MRR@10 | correctly spelt | one typo | Reuters topics MAP | TIME MAP "
          "| seed rank | misspelt seed rank |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for vname, row in table.items():
        print("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %s | %s |" % (
            {"xapian": "plain Xapian", "fts5": "SQLite FTS5"}.get(vname) or
            "gazette " + (" ".join(variants[vname]) or "(defaults)"),
            row["known_item_mrr"], row["correct_mrr"], row["typo_mrr"], row["topics_map"],
            row.get("time_map", float("nan")), row["seed_rank"], row["seed-typo_rank"]))
    print("\n%d known-item queries (%d with a typo), %d topics, seed %d; %s" % (
        len(queries), len(typo_queries), len(tq), args.seed, idx["summary"].splitlines()[0] if idx["summary"] else ""))
    for p in problems:
        print("- problem: " + p)
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1) + "\n")
    return 1 if problems else 0


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gazette-bin", default=str(REPO / "build/bin"))
    ap.add_argument("--shared", help="the shared folder (default $GAZETTE_SHARED or ../shared)")
    ap.add_argument("--variant", action="append", default=[], help="NAME=ARGS: extra gazette-search arguments")
    ap.add_argument("--known-items", type=int, default=600, help="known-item queries (default 600)")
    ap.add_argument("--seed", type=int, default=16, help="RNG seed of the derived queries")
    ap.add_argument("--workdir", help="keep the JSON Lines file and database here")
    ap.add_argument("--json", help="also write the table as JSON")
    return run(ap.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
