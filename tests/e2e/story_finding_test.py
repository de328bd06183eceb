#!/usr/bin/env python3
"""End to end: near-duplicate collapsing, "did you mean", --auto-correct, --like and bad input,
with the real binaries on corpus/ and on BBC News + Reuters-21578 from ../shared, plus copies
of BBC articles edited here the way republished copies differ.
Usage: story_finding_test.py BIN_DIR SRC_DIR SHARED_DIR"""
import atexit
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
CORPORA = os.path.join(SHARED, "corpora")


checks = Checks()
check = checks.check


def run(db, *args):
    return subprocess.run([SEARCH, "--db", db, *args], capture_output=True, text=True)


def search(db, *args):
    out = run(db, "--json", "--no-snippets", *args)
    if out.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (args, out.returncode, out.stderr))
    return json.loads(out.stdout)


def without_took(answer):
    return {k: v for k, v in answer.items() if k != "took_ms"}


def bbc_article(path):
    # The files are UTF-8 (one is Latin-1, SOURCE.txt), as gazette-index reads them: read as
    # Latin-1, a copy's "£" would be "Â£", a word its original lacks.
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    lines = text.strip().split("\n", 1)
    paragraphs = [p.strip() for p in lines[1].split("\n") if p.strip()]
    return lines[0].strip(), paragraphs


def long_unique_articles(bbc, sections):
    """One article per section that BBC holds once (the corpus has some twice) and whose lead
    (the first 150 words the key reads) ends before its last paragraph: on shorter ones, a
    trimmed copy is a known miss (docs/duplicates.md)."""
    bodies = {}
    for path in glob.glob(os.path.join(bbc, "*", "*.txt")):
        bodies.setdefault(tuple(bbc_article(path)[1]), []).append(path)
    chosen = []
    for section in sections:
        for path in sorted(glob.glob(os.path.join(bbc, section, "*.txt"))):
            paragraphs = bbc_article(path)[1]
            if len(bodies[tuple(paragraphs)]) == 1 and len(" ".join(paragraphs[:-1]).split()) > 250:
                chosen.append(os.path.relpath(path, bbc))
                break
    return chosen


def copies_of(name, title, paragraphs):
    """Republished copies: each differs from the original in one of the ways copies do."""
    body = "\n".join(paragraphs)
    return [
        {"id": name + "#headline", "title": "UPDATE: " + title.upper(), "body": body},
        {"id": name + "#credit", "title": title, "body": "(Reuters) - " + body},
        {"id": name + "#trim", "title": title, "body": "\n".join(paragraphs[:-1])},
        {"id": name + "#whitespace", "title": title,
         "body": "\n\n".join(p.replace(". ", ".  ") + " " for p in paragraphs)},
    ]


def main():
    work = tempfile.mkdtemp(prefix="gazette-story-")
    # Removed however the test ends (a failed check, an exception), not only on success.
    atexit.register(shutil.rmtree, work, ignore_errors=True)

    # --- Spelling: corpus/seed + corpus/samples --------------------------------------------
    small = os.path.join(work, "small.db")
    subprocess.run([INDEX, "--db", small, "--quiet", os.path.join(SRC, "corpus", "seed"),
                    os.path.join(SRC, "corpus", "samples")], check=True, capture_output=True)
    got = search(small, "Witkof negotiatons")
    check("Witkof negotiatons → corrected witkoff negotiations", got.get("corrected") == "witkoff negotiations",
          got.get("corrected"))
    check("a correctly spelt query gets no correction", "corrected" not in search(small, "Witkoff negotiations"))
    text = run(small, "--color", "never", "Witkof", "negotiatons").stdout
    check("text output says did you mean", "did you mean: witkoff negotiations" in text, text[:300])
    # Typo tolerance finds these misspellings itself (their results are the right words'):
    # --auto-correct re-runs only a query that found nothing, so it is checked without it.
    got = search(small, "Witkofff negotiatonz")
    check("typo tolerance finds a misspelt query's articles without --auto-correct",
          got["results"] and "auto_corrected" not in got and got.get("corrected_terms"),
          {k: got.get(k) for k in ("corrected_terms", "estimated_total")})
    got = search(small, "--no-typos", "--auto-correct", "Witkofff negotiatonz")
    check("--auto-correct re-runs a query without results",
          got.get("auto_corrected") is True and got.get("original_query") == "Witkofff negotiatonz"
          and got["results"], {k: got.get(k) for k in ("auto_corrected", "original_query", "corrected")})
    got = search(small, "--auto-correct", "Witkoff negotiatons")
    check("--auto-correct leaves a query with results alone (it only suggests)",
          "auto_corrected" not in got and got["results"] and got.get("corrected"))
    line = json.dumps({"query": "Witkofff negotiatonz", "auto_correct": True, "typos": False})
    out = subprocess.run([SEARCH, "--db", small, "--jsonl", "--no-snippets"], input=line + "\n",
                         capture_output=True, text=True).stdout
    check("auto_correct works in --jsonl", json.loads(out).get("auto_corrected") is True, out[:200])

    # --- Collapse: BBC business + Reuters + edited copies of three BBC articles -------------
    db = os.path.join(work, "news.db")
    bbc = os.path.join(CORPORA, "bbc-news", "bbc")
    originals = long_unique_articles(bbc, ["business", "tech", "politics"])
    copies_file = os.path.join(work, "copies.jsonl")
    clusters = {}
    with open(copies_file, "w") as out:
        for rel in originals:
            title, paragraphs = bbc_article(os.path.join(bbc, rel))
            copies = copies_of("copy:" + rel, title, paragraphs)
            clusters[rel] = (title, paragraphs, [c["id"] for c in copies])
            for c in copies:
                c["source"] = "Wire"
                out.write(json.dumps(c) + "\n")
    subprocess.run([INDEX, "--db", db, "--quiet", "--source", "BBC", "--exclude", "README*", bbc],
                   check=True, capture_output=True)
    subprocess.run([INDEX, "--db", db, "--quiet", copies_file,
                    *[os.path.join(CORPORA, "reuters21578", "reut2-00%d.sgm" % i) for i in range(5)]], check=True, capture_output=True)
    for rel, (title, paragraphs, copy_ids) in clusters.items():
        cluster = set(copy_ids) | {rel}
        phrase = '"%s"' % " ".join(paragraphs[0].split()[:8]).strip(".,")
        got = search(db, phrase)
        ids = [r["id"] for r in got["results"]]
        in_cluster = [r for r in got["results"] if r["id"] in cluster]
        check("%s: one result for the story, with duplicates=%d" % (rel, len(copy_ids)),
              len(in_cluster) == 1 and in_cluster[0]["duplicates"] == len(copy_ids),
              [(r["id"], r["duplicates"]) for r in got["results"]])
        got = search(db, "--show-duplicates", phrase)
        shown = [r for r in got["results"] if r["id"] in cluster]
        check("%s: --show-duplicates lists the other copies" % rel,
              shown and set(shown[0]["duplicate_ids"]) | {shown[0]["id"]} == cluster,
              shown and shown[0]["duplicate_ids"])
        got = search(db, "--no-collapse", phrase)
        check("%s: --no-collapse shows all %d copies" % (rel, len(cluster)),
              cluster <= {r["id"] for r in got["results"]}, ids)
        text = run(db, "--color", "never", "--no-snippets", phrase).stdout
        check("%s: text output says %d similar" % (rel, len(copy_ids)), "%d similar" % len(copy_ids) in text)
    line = json.dumps({"query": '"%s"' % " ".join(clusters[originals[0]][1][0].split()[:8]).strip(".,"),
                       "collapse": False})
    out = subprocess.run([SEARCH, "--db", db, "--jsonl", "--no-snippets"], input=line + "\n",
                         capture_output=True, text=True).stdout
    check("collapse=false works in --jsonl", len(json.loads(out)["results"]) == 5, out[:300])

    # --- Copies are folded after the match (copy_folding.h): each page must be the export's
    # rows (match_export.cc folds every match by its key itself) at the same places, with the
    # same copy counts, and --jsonl must answer what one search answers.
    lines, pages, queries = [], [], []
    for rel, (title, paragraphs, copy_ids) in clusters.items():
        words = " ".join(paragraphs[0].split()[:4]).strip(".,")
        for query in ['"%s"' % " ".join(paragraphs[0].split()[:8]).strip(".,"), words,
                      title, "%s oil" % words.split()[0]]:
            rows = [json.loads(l) for l in run(db, "--export", "jsonl", "--fields", "id,duplicates",
                                                query).stdout.splitlines()]
            for offset in (0, 3):
                queries.append((query, offset, rows[offset:offset + 7]))
                lines.append(json.dumps({"query": query, "offset": offset, "limit": 7,
                                         "show_duplicates": True}))
                pages.append(search(db, "--offset", str(offset), "--limit", "7",
                                    "--show-duplicates", query))
    wrong = [(q, [r["id"] for r in p["results"]], [r["id"] for r in rows])
             for (q, offset, rows), p in zip(queries, pages)
             if [(r["id"], r["duplicates"]) for r in p["results"]]
             != [(r["id"], r["duplicates"]) for r in rows]]
    check("%d folded pages are the export's rows with the same copy counts" % len(pages),
          not wrong and any(r["duplicates"] for p in pages for r in p["results"]), wrong[:2])
    check("--show-duplicates lists as many ids as it counts copies",
          all(r["duplicates"] == len(r["duplicate_ids"]) for p in pages for r in p["results"]))
    out = subprocess.run([SEARCH, "--db", db, "--jsonl", "--no-snippets"],
                         input="\n".join(lines) + "\n", capture_output=True, text=True)
    batch = [json.loads(l) for l in out.stdout.splitlines()]
    check("--jsonl answers what one search answers",
          [without_took(b) for b in batch] == [without_took(p) for p in pages], out.stderr[:300])

    # --- Spelling never corrects a word the index holds ------------------------------------
    got = search(db, "mln adb action")
    check("mln adb action is not corrected (adb is in the index)", "corrected" not in got, got.get("corrected"))

    # --- --like ---------------------------------------------------------------------------
    cocoa = {r["id"] for r in search(db, "--tag", "cocoa", "--limit", "1000")["results"]}
    got = search(db, "--like", "reuters:1", "--explain")
    related = [r["id"] for r in got["results"]]
    check("--like excludes the article itself", "reuters:1" not in related and related)
    check("--like reuters:1 (cocoa): the best is a cocoa story, and 3+ of the top 10 (%d)" % len(cocoa & set(related[:10])),
          len(cocoa & set(related[:10])) >= 3 and related[0] in cocoa, related[:10])
    check("--explain lists the terms with weights",
          got.get("explain") and all(set(t) == {"term", "weight"} for t in got["explain"])
          and any(t["term"] in ("cocoa", "Scocoa") for t in got["explain"]), got.get("explain"))
    got = search(db, "--like", originals[0], "--limit", "1000")
    related = {r["id"] for r in got["results"]}
    check("--like excludes the article's near-duplicates",
          related and not (related & (set(clusters[originals[0]][2]) | {originals[0]})), related)
    out = run(db, "--like", "no-such-id")
    check("--like with an unknown id: exit 2 and a clear message",
          out.returncode == 2 and "no article with id" in out.stderr and not out.stdout, out.stderr)
    out = subprocess.run([SEARCH, "--db", db, "--jsonl"], input='{"query": "", "like": "no-such-id"}\n',
                         capture_output=True, text=True)
    check("--like with an unknown id in --jsonl: a JSON error",
          "no article with id" in json.loads(out.stdout).get("error", ""), out.stdout)
    out = run(db, "--like", "reuters:1", "cocoa")
    check("--like with query words is bad usage", out.returncode == 2, out.stderr)

    # --- Bad input: any script, stop words, punctuation, nothing ----------------------------
    queries = ["Путин переговоры", "普京 谈判", "بوتين", "🙂🙂", "the of and", "!!!", "", "   ", "\"\"",
               "title:", "AND", "ÿ" * 300]
    out = subprocess.run([SEARCH, "--db", db, "--jsonl", "--no-snippets"],
                         input="".join(q + "\n" for q in queries), capture_output=True, text=True)
    answers = [json.loads(line) for line in out.stdout.splitlines()]
    check("odd queries each get an answer, exit 0", out.returncode == 0 and len(answers) == len(queries),
          (out.returncode, out.stderr[-300:]))
    for q, a in zip(queries, answers):
        check("query %r: results or a clear error" % q[:20],
              "results" in a or ("error" in a and a["error"]), a)
    out = run(db, "")
    check("an empty query on the command line: exit 2 with a message",
          out.returncode == 2 and "no query" in out.stderr, out.stderr)
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
