#!/usr/bin/env python3
"""Precision and recall of the near-duplicate key (indexer/duplicate_key.h) on
(1) real articles: BBC News and Reuters-21578 bodies from ../shared, plus copies of a sample
    of them edited here in the ways republished copies differ (headline changed, last
    paragraph trimmed, agency credit added, whitespace changed, a sentence reworded, and all
    of these at once), among every other article of those sources, which includes different
    stories on the same topic and day (Reuters TOPICS + date, BBC sections);
(2) gazette-generate's synthetic archive with its truth file of republished copies.
Pairs are counted: a pair is predicted a duplicate when both keys are equal, and is truly one
when the test made one from the other (or both from one original) or, for pairs already in
the corpora, when their bodies share at least JACCARD_TRUE of their 4-word shingles (Reuters
holds a few hundred stories filed twice). Exits non-zero when a number is under its floor.
Usage: duplicates_measure.py BIN_DIR SHARED_DIR [--no-floors]"""
import atexit
import collections
import glob
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

BIN, SHARED = sys.argv[1:3]
FLOORS = "--no-floors" not in sys.argv
CORPORA = os.path.join(SHARED, "corpora")
JACCARD_TRUE = 0.5
# Floors the test asserts; the measured numbers are in docs/duplicates.md.
FLOOR = {"real": (0.93, 0.78), "synthetic": (0.97, 0.92)}
EDITS = ["headline", "trim", "credit", "whitespace", "reword", "all"]
REWORDS = ["notable", "recent", "major", "broad", "further", "sharp", "wider", "early"]


def keys_of(articles):
    tool = os.path.join(BIN, "gazette-duplicate-keys")
    text = "".join(json.dumps(a) + "\n" for a in articles)
    out = subprocess.run([tool], input=text, capture_output=True, text=True, check=True).stdout
    return dict(line.split("\t") for line in out.splitlines())


def words(text):
    return re.findall(r"\w+", text.lower())


def shingles(text):
    w = words(text)
    return {" ".join(w[i:i + 4]) for i in range(max(1, len(w) - 3))}


# --- Real articles --------------------------------------------------------------------------
def bbc_articles():
    out = []
    root = os.path.join(CORPORA, "bbc-news", "bbc")
    for path in sorted(glob.glob(os.path.join(root, "*", "*.txt"))):
        text = open(path, encoding="latin-1").read().strip().split("\n", 1)
        body = re.sub(r"\n\s*\n", "\n", text[1].strip()) if len(text) > 1 else ""
        section = os.path.basename(os.path.dirname(path))
        out.append({"id": "bbc:%s/%s" % (section, os.path.basename(path)), "title": text[0],
                    "body": body, "section": section})
    return out


def reuters_articles():
    out = []
    for path in sorted(glob.glob(os.path.join(CORPORA, "reuters21578", "reut2-*.sgm"))):
        data = open(path, "rb").read().decode("latin-1")
        for rec in re.findall(r"<REUTERS.*?</REUTERS>", data, re.S):
            def tag(name):
                m = re.search(r"<%s>(.*?)</%s>" % (name, name), rec, re.S)
                return html.unescape(re.sub(r"&#\d+;", "", m.group(1))).strip() if m else ""
            body = tag("BODY")
            if len(words(body)) < 20:
                continue  # headline-only items and one-liners: not stories to copy
            dateline = tag("DATELINE")
            topics = tuple(re.findall(r"<D>(.*?)</D>", tag("TOPICS")))
            day = re.search(r"<DATE>\s*([\d]+-\w+-\d+)", rec).group(1)
            newid = re.search(r'NEWID="(\d+)"', rec).group(1)
            out.append({"id": "reuters:" + newid, "title": tag("TITLE"),
                        "body": (dateline + " " + body) if dateline else body,
                        "section": "%s %s" % (day, ",".join(topics)) if topics else ""})
    return out


def edit(article, kind, rng):
    a = dict(article)
    a["id"] = article["id"] + "#" + kind
    paragraphs = [p for p in a["body"].split("\n") if p.strip()]
    if kind in ("headline", "all"):
        a["title"] = "UPDATE 1-" + " ".join(reversed(a["title"].split()))
    if kind in ("trim", "all") and len(paragraphs) > 1:
        paragraphs.pop()
    if kind in ("credit", "all"):
        paragraphs[0] = rng.choice(["(Reuters) - ", "(AP) - ", "(AFP) \u2014 "]) + paragraphs[0]
    if kind in ("reword", "all"):
        i = rng.randrange(len(paragraphs))
        sentences = paragraphs[i].split(". ")
        j = rng.randrange(len(sentences))
        ws = sentences[j].split(" ")
        plain = [k for k, w in enumerate(ws) if w.isalpha() and w.islower()]
        for k in rng.sample(plain, min(2, len(plain))):
            ws[k] = rng.choice(REWORDS)
        sentences[j] = " ".join(ws)
        paragraphs[i] = ". ".join(sentences)
    sep = "\n"
    if kind in ("whitespace", "all"):
        sep = "\n\n"
        paragraphs = [p.replace(". ", ".  ") + " " for p in paragraphs]
    a["body"] = sep.join(paragraphs)
    return a


def corpus_duplicate_pairs(articles):
    """Pairs of corpus articles whose bodies are near-identical already."""
    sets = {a["id"]: shingles(a["body"]) for a in articles}
    postings = collections.defaultdict(list)
    for i, s in sets.items():
        for sh in s:
            postings[sh].append(i)
    shared = collections.Counter()
    for ids in postings.values():
        if len(ids) > 50:
            continue  # boilerplate phrase; a true copy shares rarer ones as well
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                shared[(ids[x], ids[y])] += 1
    pairs = set()
    for (i, j), n in shared.items():
        if n / len(sets[i] | sets[j]) >= JACCARD_TRUE:
            pairs.add((i, j) if i < j else (j, i))
    return pairs


def pair_counts(keys, cluster_of, extra_true_pairs=()):
    """(true positives, predicted pairs, true pairs) over all pairs of `keys`."""
    def choose2(n):
        return n * (n - 1) // 2
    by_key = collections.Counter(k for k in keys.values() if k)
    by_both = collections.Counter((k, cluster_of[i]) for i, k in keys.items() if k)
    by_cluster = collections.Counter(cluster_of.values())
    tp = sum(choose2(n) for n in by_both.values())
    predicted = sum(choose2(n) for n in by_key.values())
    true = sum(choose2(n) for n in by_cluster.values())
    for i, j in extra_true_pairs:  # corpus copies the test did not make
        if cluster_of[i] != cluster_of[j]:
            true += 1
            tp += keys[i] == keys[j] and keys[i] != ""
    return tp, predicted, true


def report(name, tp, predicted, true):
    p = tp / predicted if predicted else 1.0
    r = tp / true if true else 1.0
    print("%s: precision %.4f (%d of %d pairs with equal keys are duplicates), "
          "recall %.4f (%d of %d duplicate pairs have equal keys)" % (name, p, tp, predicted, r, tp, true))
    return p, r


def measure_real():
    rng = random.Random(7)
    articles = bbc_articles() + reuters_articles()
    originals = rng.sample(articles, 400)
    copies = [edit(a, kind, rng) for a in originals for kind in EDITS]
    keys = keys_of(articles + copies)
    cluster_of = {a["id"]: a["id"] for a in articles}
    cluster_of.update({c["id"]: c["id"].split("#")[0] for c in copies})
    corpus_pairs = corpus_duplicate_pairs(articles)
    print("real set: %d corpus articles (%d BBC, %d Reuters), %d edited copies of %d of them, "
          "%d corpus pairs already near-identical (4-shingle Jaccard >= %.1f)"
          % (len(articles), sum(a["id"].startswith("bbc") for a in articles),
             sum(a["id"].startswith("reuters") for a in articles), len(copies), len(originals),
             len(corpus_pairs), JACCARD_TRUE))
    result = report("real", *pair_counts(keys, cluster_of, corpus_pairs))
    for kind in EDITS:  # recall per edit: the copy keeps its original's key
        kept = sum(keys[c["id"]] == keys[c["id"].split("#")[0]] for c in copies if c["id"].endswith("#" + kind))
        print("  %-10s copy keeps the original's key: %d of %d" % (kind, kept, len(originals)))
    # Different stories on the same topic and day: how many such pairs share a key.
    groups = collections.defaultdict(list)
    for a in articles:
        if a["section"] and a["id"].startswith("reuters"):
            groups[a["section"]].append(a["id"])
    same_topic = [(x, y) for ids in groups.values() for i, x in enumerate(ids) for y in ids[i + 1:]
                  if (min(x, y), max(x, y)) not in corpus_pairs]
    collided = sum(keys[x] == keys[y] for x, y in same_topic)
    print("  Reuters pairs with the same TOPICS and day, not near-identical: %d, sharing a key: %d"
          % (len(same_topic), collided))
    return result


def measure_synthetic():
    work = tempfile.mkdtemp(prefix="gazette-dups-")
    # Removed however the test ends (a failed check, an exception), not only on success.
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    out, truth = os.path.join(work, "synth.jsonl"), os.path.join(work, "truth.jsonl")
    subprocess.run([os.path.join(BIN, "gazette-generate"), "--count", "20000", "--seed", "3",
                    "--duplicate-share", "0.05", "--out", out, "--truth", truth], check=True)
    articles = [json.loads(line) for line in open(out, encoding="utf-8")]
    keys = keys_of(articles)
    original = {}
    for line in open(truth):
        t = json.loads(line)
        original[t["id"]] = t["original"]
    cluster_of = {}
    for a in articles:
        root = a["id"]
        while root in original:
            root = original[root]
        cluster_of[a["id"]] = root
    print("synthetic set: %d articles, %d republished copies" % (len(articles), len(original)))
    return report("synthetic", *pair_counts(keys, cluster_of))


def main():
    failures = 0
    for name, measure in (("real", measure_real), ("synthetic", measure_synthetic)):
        p, r = measure()
        floor_p, floor_r = FLOOR[name]
        if FLOORS and (p < floor_p or r < floor_r):
            print("FAIL: %s precision/recall under the floor %.2f/%.2f" % (name, floor_p, floor_r))
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
