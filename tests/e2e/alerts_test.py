#!/usr/bin/env python3
"""End to end: gazette-index --alerts over Reuters-21578. Index half the files, then the
other half: each matching article of the second half is alerted exactly once and none of the
first; a re-run alerts nothing new; a run killed half-way and resumed alerts each match once;
a webhook receiver on 127.0.0.1 receives the same lines; unusable standing queries are
reported with their line numbers and the others still run.
Expected matches come from the input (Reuters TOPICS for tag: queries) and from
gazette-search over the finished index (text queries).
Usage: alerts_test.py BIN_DIR SRC_DIR SHARED_DIR"""
import collections
import glob
import html
import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

from checks import Checks

BIN, SRC, SHARED = sys.argv[1:4]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
FILES = sorted(glob.glob(os.path.join(SHARED, "corpora", "reuters21578", "reut2-*.sgm")))
FIRST, SECOND = FILES[:11], FILES[11:]

STANDING = [
    {"name": "gold", "query": "tag:gold"},
    {"name": "cocoa-or-coffee", "query": "tag:cocoa OR tag:coffee"},
    {"name": "opec", "query": "opec oil", "from": "1987-03-15"},
    {"name": "wheat-usa", "query": "wheat", "place": "usa"},
    {"name": "yen", "query": "yen dollar", "default_op": "x"},  # line 5: unknown option
    "not json at all",                                       # line 6
    {"name": "broken", "query": "title:(cocoa"},             # line 7: may parse leniently
    {"name": "gold", "query": "silver"},                     # line 8: name used twice
    {"name": "grain", "query": "grain", "source": ["Reuters"]},
]


checks = Checks()
check = checks.check


def reuters_topics(files):
    """id -> topics of every record gazette-index keeps from `files`."""
    out = {}
    for path in files:
        data = open(path, "rb").read().decode("latin-1")
        for rec in re.findall(r"<REUTERS.*?</REUTERS>", data, re.S):
            text = re.search(r"<TEXT[^>]*>(.*?)</TEXT>", rec, re.S)
            words = re.sub(r"<[^>]+>|&#?\w+;", " ", text.group(1)) if text else ""
            if not words.strip():
                continue
            newid = re.search(r'NEWID="(\d+)"', rec).group(1)
            m = re.search(r"<TOPICS>(.*?)</TOPICS>", rec, re.S)
            topics = [html.unescape(v) for v in re.findall(r"<D>(.*?)</D>", m.group(1))] if m else []
            out["reuters:" + newid] = topics
    return out


def search_ids(db, query, extra):
    """Every id gazette-search finds (no collapsing of near-duplicates), all pages."""
    ids, offset = set(), 0
    helptext = subprocess.run([SEARCH, "--help"], capture_output=True, text=True).stdout
    collapse = ["--no-collapse"] if "--no-collapse" in helptext else []
    while True:
        cmd = [SEARCH, "--db", db, "--json", "--no-snippets", *collapse, "--limit", "1000",
               "--offset", str(offset), *extra, query]
        got = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
        ids.update(r["id"] for r in got["results"])
        if len(got["results"]) < 1000:
            return ids
        offset += 1000


def read_lines(path):
    if not os.path.exists(path):
        return []
    return [json.loads(l) for l in open(path) if l.strip()]


class Receiver(http.server.BaseHTTPRequestHandler):
    bodies = []

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        Receiver.bodies.append((self.headers.get("Content-Type"), self.rfile.read(length).decode()))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def index(db, files, alerts_file, out, *extra):
    return subprocess.run([INDEX, "--db", db, "--threads", "2", "--alerts", alerts_file,
                           "--alerts-out", out, *extra, *files], capture_output=True, text=True)


def main():
    work = tempfile.mkdtemp(prefix="gazette-alerts-")
    alerts_file = os.path.join(work, "standing.jsonl")
    with open(alerts_file, "w") as f:
        for q in STANDING:
            f.write((q if isinstance(q, str) else json.dumps(q)) + "\n")
    db = os.path.join(work, "news.db")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    hook = "http://127.0.0.1:%d/hook" % server.server_address[1]

    # --- Start-up reports the unusable lines by number; the others run ------------------------
    out1 = os.path.join(work, "alerts-1.jsonl")
    r = index(db, FIRST, alerts_file, out1)
    check("the first half indexes", r.returncode in (0, 3), r.stderr)
    for line in (5, 6, 8):
        check("standing query on line %d is reported with its line number" % line,
              re.search(r"standing query left out: .*standing\.jsonl:%d: " % line, r.stderr), r.stderr)
    check("line 1 is not reported", ":1: " not in r.stderr)
    first_lines = read_lines(out1)
    check("the first half raised alerts", len(first_lines) > 0)

    # --- The second half: each match exactly once, none of the first --------------------------
    out2 = os.path.join(work, "alerts-2.jsonl")
    r = index(db, SECOND, alerts_file, out2, "--alerts-webhook", hook)
    check("the second half indexes", r.returncode in (0, 3), r.stderr)
    lines = read_lines(out2)
    pairs = [(l["alert"], l["id"]) for l in lines]
    check("no (alert, id) pair is emitted twice", len(pairs) == len(set(pairs)),
          [p for p, n in collections.Counter(pairs).items() if n > 1][:5])
    first_ids = set(reuters_topics(FIRST))
    second = reuters_topics(SECOND)
    check("no article of the first half is alerted", not any(l["id"] in first_ids for l in lines))
    got = collections.defaultdict(set)
    for a, i in pairs:
        got[a].add(i)
    expect_gold = {i for i, t in second.items() if "gold" in t}
    check("gold: every second-half article with topic gold, from the input (%d)" % len(expect_gold),
          got["gold"] == expect_gold, (len(got["gold"]), sorted(got["gold"] ^ expect_gold)[:5]))
    expect_cc = {i for i, t in second.items() if "cocoa" in t or "coffee" in t}
    check("cocoa-or-coffee equals the input's topics (%d)" % len(expect_cc), got["cocoa-or-coffee"] == expect_cc,
          sorted(got["cocoa-or-coffee"] ^ expect_cc)[:5])
    second_ids = set(second)
    for name, query, extra in (("opec", "opec oil", ["--from", "1987-03-15"]),
                               ("wheat-usa", "wheat", ["--place", "usa"]),
                               ("grain", "grain", ["--source", "Reuters"])):
        expect = search_ids(db, query, extra) & second_ids
        check("%s: the second-half articles gazette-search finds (%d)" % (name, len(expect)),
              got[name] == expect and len(expect) > 0, sorted(got[name] ^ expect)[:5])
    check("lines carry alert, id, title, date, source, url and score",
          all(list(l) == ["alert", "id", "title", "date", "source", "url", "score"] for l in lines))
    hooked = [json.loads(x) for _, body in Receiver.bodies for x in body.splitlines() if x]
    check("the webhook received the same lines", hooked == lines, (len(hooked), len(lines)))
    check("webhook bodies are application/x-ndjson",
          all(t == "application/x-ndjson" for t, _ in Receiver.bodies))

    # --- A re-run alerts nothing new ----------------------------------------------------------
    out3 = os.path.join(work, "alerts-3.jsonl")
    r = index(db, SECOND, alerts_file, out3)
    check("re-indexing the second half alerts nothing", read_lines(out3) == [], read_lines(out3)[:3])
    check("and says the matches had fired before", re.search(r"[1-9]\d* matches had fired before", r.stderr),
          r.stderr)

    # --- Killed half-way and resumed: every match once ----------------------------------------
    first_db = os.path.join(work, "first.db")
    subprocess.run([INDEX, "--db", first_db, "--threads", "2", "--quiet", *FIRST], capture_output=True)
    out4 = os.path.join(work, "alerts-4.jsonl")
    args = [INDEX, "--db", first_db, "--threads", "2", "--batch-mb", "1", "--quiet",
            "--alerts", alerts_file, "--alerts-out", out4, *SECOND]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and len(read_lines(out4)) == 0:
        time.sleep(0.02)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    before = len(read_lines(out4))
    subprocess.run(args, capture_output=True)
    resumed = [(l["alert"], l["id"]) for l in read_lines(out4)]
    check("the run was killed after its first alerts (%d lines)" % before, killed and 0 < before < len(pairs))
    check("after resuming, every match is alerted exactly once",
          len(resumed) == len(set(resumed)) and set(resumed) == set(pairs),
          (len(resumed), len(set(resumed)), len(pairs), sorted(set(resumed) ^ set(pairs))[:5]))

    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
