#!/usr/bin/env python3
"""End to end: typo tolerance in the ranking (docs/ranking.md, "Typo tolerance") on Reuters
articles and the seed article, over one database, three local shards and three remote shards
(xapian-tcpsrv on 127.0.0.1). Usage: typo_tolerance_test.py BIN_DIR SRC_DIR SHARED_DIR"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

from checks import Checks
from support import free_port, wait_for_port

BIN, SRC, SHARED = sys.argv[1:4]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
REUTERS = sorted(glob.glob(os.path.join(SHARED, "corpora", "reuters21578", "reut2-00[0-5].sgm")))
SEED = os.path.join(SRC, "corpus", "seed")
SEED_ID = "firstpost:2025-02-12-trump-putin-ukraine-negotiations"
# (correct, one typo or more): the misspelt query must put the right one's top article first.
PAIRS = [("Ukraine negotiations Witkoff", "Ukrane negotiatons Witkof"),
         ("cocoa exports", "cocao exports"),
         ("coffee quota negotiations", "coffee quota negotiatons"),
         ("sugar production", "sugar prodution"),
         ("dividend increase", "divdend increase")]

checks = Checks()
check = checks.check
servers = []


def results(dbs, *args, query):
    cmd = [SEARCH, *[a if a.startswith("-") or i and dbs[i - 1] == "--lexicon" else "--db=" + a
                     for i, a in enumerate(dbs)], "--json", "--no-snippets", *args, query]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError("%s: %s" % (cmd, out.stderr))
    return json.loads(out.stdout)


def ids(answer):
    return [r["id"] for r in answer["results"]]


def ranked(answer):
    return [(r["id"], round(r["score"], 6)) for r in answer["results"]]


def main():
    work = tempfile.mkdtemp(prefix="gazette-typo-")
    try:
        single = os.path.join(work, "single.db")
        sharded = os.path.join(work, "sharded")
        subprocess.run([INDEX, "--db", single, "-q", SEED, *REUTERS], capture_output=True)
        subprocess.run([INDEX, "--db", sharded, "--shards", "3", "-q", SEED, *REUTERS], capture_output=True)
        ports = [free_port() for _ in range(3)]
        for i, port in enumerate(ports):
            servers.append(subprocess.Popen(
                ["xapian-tcpsrv", "--interface", "127.0.0.1", "--port", str(port),
                 os.path.join(sharded, "shard-%d" % i)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        check("three xapian-tcpsrv answer", all(wait_for_port(p) for p in ports))
        remote = ["tcp://127.0.0.1:%d" % p for p in ports]

        for right, wrong in PAIRS:
            good = results([single], "--limit", "10", query=right)
            typo = results([single], "--limit", "10", query=wrong)
            # Weight 0.9 reorders near-ties (17.65 against 17.61; "divdend increase": many ties at
            # 7.42 push the top article out of the top 3), so the top 10, not the top 1;
            # the seed query below is held to first place.
            check("%r finds %r's top article in its top 10" % (wrong, right),
                  ids(good) and ids(good)[0] in ids(typo)[:10], (ids(good)[:3], ids(typo)[:3]))
            check("%r says what it widened" % wrong, typo.get("corrected_terms"), typo.get("corrected_terms"))
            check("%r is spelt right: nothing widened" % right, "corrected_terms" not in good)
            # The same article scores less through corrections than by its own words.
            top = ids(good)[0]
            score = {r["id"]: r["score"] for r in typo["results"]}.get(top)
            check("%r: the exact match outranks the corrected one" % right,
                  score is not None and good["results"][0]["score"] > score,
                  (good["results"][0]["score"], score))
            # --no-typos is today's ranking: the query as typed, unwidened.
            plain = results([single], "--limit", "10", "--no-typos", query=wrong)
            check("%r --no-typos widens nothing" % wrong, "corrected_terms" not in plain)
            check("%r --no-typos ranks no corrected article" % wrong,
                  top not in ids(plain) or wrong.split()[0] == right.split()[0], ids(plain)[:3])
            same = results([single], "--limit", "10", "--no-typos", query=right)
            check("%r: --no-typos changes nothing for a right spelling" % right,
                  ranked(same) == ranked(good), (ranked(same)[:2], ranked(good)[:2]))
            # Remote shards take their spelling data from the lexicon (docs/scale-out.md).
            lexicon = ["--lexicon", os.path.join(sharded, "lexicon")]
            for name, dbs in (("three local shards", [sharded]), ("three remote shards", remote + lexicon)):
                far = results(dbs, "--limit", "10", query=wrong)
                check("%r: %s rank as one database" % (wrong, name), ranked(far) == ranked(typo),
                      (ranked(far)[:3], ranked(typo)[:3]))
                check("%r: %s widen the same words" % (wrong, name),
                      far.get("corrected_terms") == typo.get("corrected_terms"),
                      (far.get("corrected_terms"), typo.get("corrected_terms")))
        for q in ("Ukraine negotiations Witkoff", "Ukrane negotiatons Witkof"):
            check("%r puts the seed first without --auto-correct" % q,
                  ids(results([single], query=q))[:1] == [SEED_ID])
        text = subprocess.run([SEARCH, "--db", single, "--no-snippets", "Ukrane negotiatons Witkof"],
                              capture_output=True, text=True).stdout
        check("the text output says what it included",
              "Including results for: ukraine (for ukrane), negotiations (for negotiatons), "
              "witkoff (for witkof)" in text, text[:300])
        # Short words, numbers, phrases and field filters mean what they say.
        for q in ("oill prices", '"cocao exports"', "title:cocao", "source:reuter cocoa", "19877 cocoa"):
            answer = results([single], query=q)
            check("%r widens nothing" % q, "corrected_terms" not in answer, answer.get("corrected_terms"))
    finally:
        for s in servers:
            s.terminate()
            s.wait()
        shutil.rmtree(work, ignore_errors=True)
    checks.finish()


main()
