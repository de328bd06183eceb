#!/usr/bin/env python3
"""End to end: --explain-score on real articles (BBC News politics and business). For several
queries and each of their top results, the explanation's score is the score --json shows, its
rank the rank shown, and its parts sum to it with nothing unattributed; a misspelt word shows
its typo neighbour, words side by side the proximity boost; explain= over HTTP and --jsonl say
what the command line says; three local shards and three remote ones (xapian-tcpsrv) explain
as one database; an unknown id is an error naming it.
Usage: explain_score_test.py BIN_DIR SRC_DIR SHARED_DIR"""
import datetime
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
import urllib.error

from checks import Checks
from support import free_port, start_serve, wait_for_port

BIN, SRC, SHARED = sys.argv[1:4]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
# (query, what its top result's explanation must hold besides words).
QUERIES = [("patricia hewitt", "proximity"),
           ("goverment spending plans", "typo"),
           ("tony blair election campaign", None),
           ('"interest rates" bank', None),
           ("title:budget tax", None)]
RELATIVE = 1e-9

checks = Checks()
check = checks.check
servers = []


def run_search(dbs, *args):
    out = subprocess.run([SEARCH, *dbs, "--no-snippets", *args], capture_output=True, text=True,
                         timeout=120)
    return out


def search_json(dbs, *args):
    out = run_search(dbs, "--json", *args)
    if out.returncode != 0:
        raise RuntimeError("gazette-search %s failed (%d): %s" % (args, out.returncode, out.stderr))
    return json.loads(out.stdout)


def close(a, b):
    return abs(a - b) <= RELATIVE * max(abs(a), abs(b))


def check_explanations(name, dbs, query, extra=()):
    """Explains each top result of `query`; returns the explanations by id."""
    answer = search_json(dbs, "--limit", "5", *extra, query)
    check("%s: %r has results" % (name, query), answer["results"], answer)
    found = {}
    for hit in answer["results"]:
        e = search_json(dbs, "--limit", "5", *extra, "--explain-score", hit["id"], query)["explain_score"]
        parts = sum(p["weight"] for p in e["parts"])
        check("%s: %r %s: the explained score is the score shown" % (name, query, hit["id"]),
              e["matches"] and close(e["score"], hit["score"]), (e["score"], hit["score"]))
        check("%s: %r %s: the rank is the rank shown" % (name, query, hit["id"]),
              e["rank"] == hit["rank"], (e["rank"], hit["rank"]))
        check("%s: %r %s: the parts sum to the score" % (name, query, hit["id"]),
              close(parts, e["score"]), (parts, e["score"], e["parts"]))
        check("%s: %r %s: nothing is unattributed" % (name, query, hit["id"]),
              all(p["kind"] != "other" for p in e["parts"]), e["parts"])
        found[hit["id"]] = e
    return answer, found


def api_get(port, params):
    url = "http://127.0.0.1:%d/api/search?%s" % (port, urllib.parse.urlencode(params))
    try:
        with urllib.request.urlopen(url, timeout=60) as res:
            return res.status, json.loads(res.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def write_articles(path):
    """BBC News is undated: each article gets a day of 2004, so that recency has dates."""
    n = 0
    first = datetime.date(2004, 1, 1)
    with open(path, "w") as out:
        for section in ("politics", "business"):
            for file in sorted(glob.glob(os.path.join(SHARED, "corpora", "bbc-news", "bbc", section, "*.txt"))):
                lines = open(file, encoding="latin-1").read().split("\n")
                out.write(json.dumps({"id": "bbc-%s-%s" % (section, os.path.basename(file)[:-4]),
                                      "title": lines[0].strip(), "source": "BBC", "section": section,
                                      "date": (first + datetime.timedelta(days=n % 366)).isoformat(),
                                      "body": " ".join(l.strip() for l in lines[1:] if l.strip())}) + "\n")
                n += 1
    return n


def main():
    work = tempfile.mkdtemp(prefix="gazette-explain-")
    try:
        jsonl = os.path.join(work, "articles.jsonl")
        count = write_articles(jsonl)
        check("BBC politics and business articles read", count > 800, count)
        single = ["--db", os.path.join(work, "news.db")]
        sharded_path = os.path.join(work, "sharded")
        subprocess.run([INDEX, *single, "--quiet", jsonl], check=True, capture_output=True)
        subprocess.run([INDEX, "--db", sharded_path, "--shards", "3", "--quiet", jsonl], check=True,
                       capture_output=True)

        explained = {}
        for query, must in QUERIES:
            answer, found = check_explanations("one database", single, query)
            explained[query] = found
            if not answer["results"]:
                continue
            top = found.get(answer["results"][0]["id"], {"parts": []})
            kinds = [p["kind"] for p in top["parts"]]
            check("%r: the top result's words are parts" % query, "term" in kinds, top["parts"])
            if must:
                check("%r: the top result has a %s part" % (query, must), must in kinds, top["parts"])
            if must == "typo":
                typo = [p for p in top["parts"] if p["kind"] == "typo"]
                check("the typo part names the word typed and the neighbour matched",
                      typo and typo[0].get("term") == "goverment" and "government" in typo[0].get("to", []),
                      typo)
        # Recency and feedback expansion are parts too.
        for extra in (["--sort", "recency", "--now", "2005-01-01"], ["--expand", "10"]):
            answer, found = check_explanations("one database " + " ".join(extra), single,
                                               "gordon brown budget", extra)
            kind = "recency" if "recency" in extra else "expansion"
            check("%s: explanations have a %s part" % (" ".join(extra), kind),
                  any(p["kind"] == kind for e in found.values() for p in e["parts"]),
                  [e["parts"] for e in found.values()])

        # An article that does not match (no form of the word in it), and an id no article has.
        with open(jsonl) as f:
            without = next(a["id"] for a in map(json.loads, f)
                           if "minist" not in (a["title"] + " " + a["body"]).lower())
        e = search_json(single, "--explain-score", without, "minister")["explain_score"]
        check("an article without the word does not match",
              e["id"] == without and e["matches"] is False and e["rank"] is None and e["parts"] == [], e)
        bad = run_search(single, "--explain-score", "no-such-article", "prime minister")
        check("an unknown id: exit status 2", bad.returncode == 2, bad.returncode)
        check("an unknown id: stderr names it", "no-such-article" in bad.stderr, bad.stderr)
        check("an unknown id: nothing on stdout", bad.stdout == "", bad.stdout[:200])

        # Text output: a table after the results, the parts and the total.
        top_id = next(iter(explained["patricia hewitt"]))
        text = run_search(single, "--explain-score", top_id, "patricia hewitt").stdout
        check("text output says the rank", "score of %s: rank 1" % top_id in text, text[-800:])
        check("text output lists the parts and the total",
              "proximity" in text and " term " in text and "total" in text, text[-800:])

        # --jsonl: one explanation per line.
        lines = "\n".join(json.dumps({"query": q, "explain_score": next(iter(explained[q]))})
                          for q, _ in QUERIES) + "\n"
        batch = subprocess.run([SEARCH, *single, "--jsonl", "--no-snippets"], input=lines,
                               capture_output=True, text=True, timeout=120)
        answers = [json.loads(l) for l in batch.stdout.splitlines()]
        check("--jsonl explains on every line", len(answers) == len(QUERIES) and all(
            a.get("explain_score") == explained[q][next(iter(explained[q]))]
            for a, (q, _) in zip(answers, QUERIES)), batch.stdout[:600])

        # explain as a flag with like keeps its meaning; as an id it explains a score.
        lines = (json.dumps({"query": "", "like": top_id, "explain": True}) + "\n" +
                 json.dumps({"query": "patricia hewitt", "explain": top_id}) + "\n")
        batch = subprocess.run([SEARCH, *single, "--jsonl", "--no-snippets"], input=lines,
                               capture_output=True, text=True, timeout=120)
        answers = [json.loads(l) for l in batch.stdout.splitlines()]
        check("--jsonl like + explain: true still lists the related query's terms",
              len(answers) == 2 and answers[0].get("explain") and "explain_score" not in answers[0],
              batch.stdout[:400] + batch.stderr[:400])
        check("--jsonl explain: ID explains that article's score",
              len(answers) == 2 and answers[1].get("explain_score") == explained["patricia hewitt"][top_id],
              batch.stdout[:400])

        # Shards: three local ones through the stub, three remote ones, explain as one database.
        ports = [free_port() for _ in range(3)]
        for i, port in enumerate(ports):
            servers.append(subprocess.Popen(
                ["xapian-tcpsrv", "--interface", "127.0.0.1", "--port", str(port),
                 os.path.join(sharded_path, "shard-%d" % i)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        check("three xapian-tcpsrv answer", all(wait_for_port(p) for p in ports))
        remote = [a for p in ports for a in ("--db", "tcp://127.0.0.1:%d" % p)]
        remote += ["--lexicon", os.path.join(sharded_path, "lexicon")]
        for name, dbs in (("three local shards", ["--db", sharded_path]), ("three remote shards", remote)):
            for query, _ in QUERIES[:2]:
                _, found = check_explanations(name, dbs, query)
                for doc_id, e in found.items():
                    one = explained[query].get(doc_id)
                    check("%s: %r %s: the same score as one database" % (name, query, doc_id),
                          one is not None and close(one["score"], e["score"]),
                          (one and one["score"], e["score"]))

        # The API's explain= gives what the command line gives.
        log = os.path.join(work, "serve.log")
        proc, port = start_serve(SEARCH, single, log)
        servers.append(proc)
        for query, _ in QUERIES:
            for doc_id, e in explained[query].items():
                status, body = api_get(port, {"q": query, "explain": doc_id, "limit": "5"})
                check("API explain=%s for %r: the same as the command line" % (doc_id, query),
                      status == 200 and body.get("explain_score") == e,
                      (status, body.get("explain_score"), e))
        status, body = api_get(port, {"q": "prime minister", "explain": "no-such-article"})
        check("API: an unknown id is a 400 JSON error naming it",
              status == 400 and "no-such-article" in body.get("error", ""), (status, body))
    finally:
        for s in servers:
            s.terminate()
            s.wait()
        shutil.rmtree(work, ignore_errors=True)
    checks.finish()


main()
