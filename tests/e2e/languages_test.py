#!/usr/bin/env python3
"""End to end: articles in other languages and scripts, from ../shared/corpora.

- German (10kGNAD test.csv), French (wikinews-fr-100 HTML, language guessed by the reader),
  Ukrainian (brown-uk-press): a query stemmed in the article's language finds inflected
  forms the query does not contain (German "Regierung" finds "Regierungen"); Ukrainian has no
  Snowball stemmer and is indexed with words as their own stems (docs/languages.md).
- Name variants across scripts on real text: Latin "Kyiv" finds Ukrainian "Київ".
- UDHR in 388 languages and scripts: every file indexes without a crash, and a word taken
  from each file finds that file (with CJK n-grams this holds for Chinese and Japanese too).

Usage: languages_test.py BIN_DIR SRC_DIR SHARED_DIR"""
import collections
import csv
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

from checks import Checks

BIN, SRC, SHARED = sys.argv[1:4]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
CORPORA = os.path.join(SHARED, "corpora")


checks = Checks()
check = checks.check


def index(db, *inputs):
    out = subprocess.run([INDEX, "--db", db, "--quiet", *inputs], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("gazette-index failed (%d): %s" % (out.returncode, out.stderr[:2000]))


def search_ids(db, query, *args, limit=1000):
    cmd = [SEARCH, "--db", db, "--json", "--no-snippets", "--limit", str(limit), *args, query]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (cmd, out.returncode, out.stderr))
    return {r["id"] for r in json.loads(out.stdout)["results"]}


def jsonl_search(db, queries, *args):
    """One gazette-search process for many queries: {query: set of ids}."""
    stdin = "".join(json.dumps({"query": q, "limit": 1000}) + "\n" for q in queries)
    out = subprocess.run([SEARCH, "--db", db, "--jsonl", "--no-snippets", *args], input=stdin,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("gazette-search --jsonl failed: %s" % out.stderr[:2000])
    answers = [json.loads(line) for line in out.stdout.splitlines()]
    return {q: {r["id"] for r in a.get("results", [])} for q, a in zip(queries, answers)}


def words(text):
    return re.findall(r"\w+", text.lower())


def letters_only(token):
    """`token` without punctuation at its ends, if what is left is 3-40 letters or marks."""
    token = token.strip("".join(c for c in set(token) if unicodedata.category(c)[0] in "PS"))
    ok = 3 <= len(token) <= 40 and all(unicodedata.category(c)[0] in "LM" for c in token)
    return token if ok else ""


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def docs_with_only(docs, form, not_form):
    """Ids of documents containing the word `form` and not the word `not_form`."""
    return {i for i, text in docs.items() if form in set(words(text)) and not_form not in set(words(text))}


def check_stemming(name, db, docs, lang, pairs):
    for query, inflected in pairs:
        only_inflected = docs_with_only(docs, inflected, query)
        if not only_inflected:
            check("%s: corpus has articles with %r but not %r" % (name, inflected, query), False)
            continue
        found = search_ids(db, query, "--lang", lang)
        check("%s: %r (--lang %s) finds the %d articles that only write %r"
              % (name, query, lang, len(only_inflected), inflected),
              only_inflected <= found, "missing %s" % sorted(only_inflected - found)[:5])


def german(tmp):
    docs = {}
    with open(os.path.join(CORPORA, "10kGNAD-test", "test.csv"), encoding="utf-8") as f:
        for n, line in enumerate(f):
            label, _, text = line.rstrip("\n").partition(";")
            docs["gnad:%d" % n] = text.strip("'")
    jsonl = os.path.join(tmp, "de.jsonl")
    write_jsonl(jsonl, [{"id": i, "body": t, "section": "x", "language": "de"} for i, t in docs.items()])
    db = os.path.join(tmp, "de.db")
    index(db, jsonl)
    check_stemming("German", db, docs, "de", [("regierung", "regierungen"), ("wahl", "wahlen"),
                                              ("spieler", "spielern")])
    # Without the German stemmer the singular does not reach the plural-only articles.
    plural_only = docs_with_only(docs, "regierungen", "regierung")
    check("German: with --stem-lang en the plural-only articles are not found",
          not (plural_only & search_ids(db, "regierung", "--lang", "de", "--stem-lang", "en")))


def french(tmp):
    folder = os.path.join(CORPORA, "wikinews-fr-100", "WikinewsKeyphraseCorpus-master", "documents")
    db = os.path.join(tmp, "fr.db")
    index(db, folder)
    # The HTML reader guesses the language: every page should be French.
    fr = search_ids(db, "", "--lang", "fr", "--sort", "newest")
    check("French: the reader guessed fr for the pages", len(fr) >= 95, str(len(fr)))
    docs = {}
    for path in glob.glob(os.path.join(folder, "*.html")):
        text = open(path, encoding="utf-8", errors="replace").read()
        docs[os.path.basename(path)] = re.sub(r"<[^>]+>", " ", text)
    check_stemming("French", db, docs, "fr", [("élection", "élections"), ("gouvernement", "gouvernements")])


def ukrainian(tmp):
    root = os.path.join(CORPORA, "brown-uk-press")
    meta = {}
    with open(os.path.join(root, "meta", "meta.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            meta[row["file"]] = row
    docs, records = {}, []
    for path in sorted(glob.glob(os.path.join(root, "data", "good", "*.txt"))):
        name = os.path.basename(path)
        body = open(path, encoding="utf-8").read()
        m = meta.get(name, {})
        rec = {"id": "uk:" + name, "body": body, "language": "uk", "source": m.get("publ_in", "")}
        if m.get("title"):
            rec["title"] = m["title"]
        if m.get("year", "").isdigit():
            rec["date"] = m["year"] + "-01-01"
        records.append(rec)
        docs[rec["id"]] = body
    check("Ukrainian: 324 texts in data/good", len(records) == 324, str(len(records)))
    jsonl = os.path.join(tmp, "uk.jsonl")
    write_jsonl(jsonl, records)
    db = os.path.join(tmp, "uk.db")
    index(db, jsonl)
    # No Ukrainian stemmer: exact forms match, lower case included (words are their own stems).
    for word in ("уряд", "київ", "україни"):
        expected = {i for i, t in docs.items() if word in set(words(t))}
        found = search_ids(db, word)
        check("Ukrainian: %r finds the %d articles with that exact form" % (word, len(expected)),
              expected and expected <= found, "missing %s" % sorted(expected - found)[:5])
    # Across scripts: the Latin spelling finds the Cyrillic one.
    kyiv = {i for i, t in docs.items() if "київ" in set(words(t))}
    found = search_ids(db, "Kyiv")
    check("Ukrainian: Latin 'Kyiv' finds the %d articles with 'Київ'" % len(kyiv),
          kyiv and kyiv <= found, "missing %s" % sorted(kyiv - found)[:5])


def udhr(tmp):
    folder = os.path.join(tmp, "udhr")
    with zipfile.ZipFile(os.path.join(CORPORA, "udhr2-unicode", "udhr2.zip")) as z:
        z.extractall(folder)
    files = sorted(glob.glob(os.path.join(folder, "udhr2", "*.txt")))
    check("UDHR: 388 files", len(files) == 388, str(len(files)))
    texts = {os.path.basename(p)[:-4]: open(p, encoding="utf-8", errors="replace").read() for p in files}
    # "xx": no ISO 639-1 code says "unknown"; any code without a stemmer indexes unstemmed.
    records = [{"id": "udhr:" + k, "body": t, "language": "xx"} for k, t in texts.items() if t.strip()]
    jsonl = os.path.join(tmp, "udhr.jsonl")
    write_jsonl(jsonl, records)
    db = os.path.join(tmp, "udhr.db")
    index(db, jsonl)
    # A word of each file, the one fewest other files share: a whitespace-separated token of
    # letters and combining marks only (so Indic vowel signs stay in their word), punctuation
    # stripped from its ends.
    df = collections.Counter()
    tokens = {}
    for k, t in texts.items():
        tokens[k] = {w for w in (letters_only(tok) for tok in t.lower().split()) if w}
        df.update(tokens[k])
    queries = {}
    for k, ws in tokens.items():
        if ws:
            queries[k] = min(ws, key=lambda w: (df[w], -len(w), w))
    # Unknown language: the query is not stemmed either (--stem-lang of a language without a
    # stemmer), as a reader of that language would search.
    # --no-collapse: some files are near-duplicates of each other (two versions of one
    # translation), and each must be found itself, not stand in for its twin.
    found = jsonl_search(db, list(set(queries.values())), "--stem-lang", "xx", "--no-collapse")
    spaced, unspaced_missing, missing = 0, [], []
    for k, q in sorted(queries.items()):
        ok = "udhr:" + k in found[q]
        text = texts[k]
        has_spaces = text.count(" ") > len(text) / 40
        if has_spaces:
            spaced += 1
            if not ok:
                missing.append((k, q))
        elif not ok:
            unspaced_missing.append((k, q))
    check("UDHR: a word of each of the %d files with spaces between words finds its file" % spaced,
          not missing, "missing %d: %s" % (len(missing), missing[:10]))
    print("note: files without spaces whose word (a Python \\w+ run) was not found: %d %s"
          % (len(unspaced_missing), unspaced_missing[:10]))
    # CJK: a two-character word inside a sentence is found through n-grams.
    for k, word in (("cmn_hans", "人人"), ("jpn", "人権")):
        if k in texts and word in texts[k]:
            check("UDHR: %s %r found inside running text (CJK n-grams)" % (k, word),
                  "udhr:" + k in search_ids(db, word))


def main():
    with tempfile.TemporaryDirectory(prefix="gazette-languages-") as tmp:
        for part in (german, french, ukrainian, udhr):
            part(tmp)
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
