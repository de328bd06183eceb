#!/usr/bin/env python3
"""End to end: `gazette-search serve` over corpus/seed + corpus/samples + Reuters-21578.
Checks that /api/search answers exactly what `gazette-search --json` prints, every limit
(status and {"error": ...}), /healthz, /metrics, /api/article, /api/suggest, that articles
indexed while the server runs appear without a restart, and that SIGTERM stops it cleanly.
Usage: server_test.py BIN_DIR SRC_DIR SHARED_DIR   (python3 standard library only)"""
import atexit
import glob
import http.client
import json
import os
import re
import signal
import socket
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from checks import Checks
from support import start_serve

BIN, SRC, SHARED = sys.argv[1:4]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
SEED_ID = "firstpost:2025-02-12-trump-putin-ukraine-negotiations"


checks = Checks()
check = checks.check


class Server:
    """A running `gazette-search serve` on a free loopback port; always stopped by the caller."""

    def __init__(self, db, work, name, *args):
        self.log_path = os.path.join(work, name + ".log")
        self.proc, self.port = start_serve(SEARCH, ["--db", db, *args], self.log_path)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("/healthz never answered 200")

    def stderr(self):
        with open(self.log_path) as f:
            return f.read()

    def request(self, method, path, body=None, headers=None, timeout=30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            res = conn.getresponse()
            return res.status, dict(res.getheaders()), res.read()
        finally:
            conn.close()

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def json(self, path):
        status, _, body = self.get(path)
        return status, json.loads(body)

    def raw(self, data, timeout=10):
        """Sends bytes as they are (no client-side normalisation); returns the whole answer."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
            s.sendall(data)
            out = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                out += chunk
                if b"\r\n\r\n" in out:
                    head, _, rest = out.partition(b"\r\n\r\n")
                    m = re.search(rb"Content-Length: (\d+)", head, re.I)
                    if m and len(rest) >= int(m.group(1)):
                        break
            return out

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def search_url(params):
    return "/api/search?" + urllib.parse.urlencode(params)


def cli_json(db, params):
    """`gazette-search --json` with the same options as the query-string parameters."""
    cmd = [SEARCH, "--db", db, "--json"]
    query = None
    for key, value in params:
        if key == "q":
            query = value
        elif key == "exact_total":  # a flag on the command line
            cmd += ["--exact-total"] if value in ("1", "true") else []
        else:
            cmd += ["--" + key.replace("_", "-"), value]
    if query is not None:
        cmd += ["--", query]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("%s: %s" % (cmd, out.stderr))
    return json.loads(out.stdout)


def without_time(obj):
    obj = dict(obj)
    obj.pop("took_ms", None)
    return obj


def is_json_error(body):
    try:
        obj = json.loads(body)
    except ValueError:
        return False
    return isinstance(obj, dict) and isinstance(obj.get("error"), str) and obj["error"] != ""


def check_error(srv, what, path, status, method="GET", **kw):
    got_status, _, body = srv.request(method, path, **kw)
    check("%s: %d with a JSON error" % (what, status), got_status == status and is_json_error(body),
          "got %d %r" % (got_status, body[:200]))


def test_search(srv, db):
    status, first = srv.json(search_url([("q", "Ukraine negotiations Witkoff")]))
    check("the seed article is first for Ukraine negotiations Witkoff",
          status == 200 and first["results"] and first["results"][0]["id"] == SEED_ID,
          first.get("results", [{}])[:1])

    cases = [
        [("q", "Ukraine negotiations Witkoff")],
        [("q", "cocoa"), ("source", "reuters"), ("facets", "source,tag,year"), ("sort", "newest"),
         ("limit", "5"), ("offset", "5")],
        [("q", "oil prices"), ("from", "1987-03"), ("to", "1987-04-15"), ("sort", "oldest")],
        [("q", "title:putin")],
        [("q", "\"peace talks\" OR ceasefire"), ("exact_total", "true")],
        [("q", "grain"), ("source", "Reuters"), ("source", "Firstpost"), ("facets", "source")],
        [("q", "negotiat*"), ("limit", "20")],
        [("q", "cocao"), ("limit", "3")],
        [("q", "trump"), ("sort", "recency"), ("now", "2025-02-20"), ("half_life", "7")],
        [("source", "reuters"), ("place", "usa"), ("from", "1987-03-02"), ("to", "1987-03-02"),
         ("limit", "50")],
        [("q", "ukraine"), ("lang", "en")],
    ]
    for params in cases:
        status, api = srv.json(search_url(params))
        cli = cli_json(db, params)
        check("/api/search equals gazette-search --json for %s" % urllib.parse.urlencode(params),
              status == 200 and without_time(api) == without_time(cli),
              "status %d\napi %s\ncli %s" % (status, json.dumps(api)[:300], json.dumps(cli)[:300]))

    _, reuters = srv.json(search_url([("source", "reuters"), ("exact_total", "1"), ("limit", "0")]))
    _, firstpost = srv.json(search_url([("source", "firstpost"), ("exact_total", "1"), ("limit", "0")]))
    _, both = srv.json(search_url([("source", "reuters"), ("source", "firstpost"),
                                   ("exact_total", "1"), ("limit", "0")]))
    check("repeated source parameters are ORed",
          both["estimated_total"] == reuters["estimated_total"] + firstpost["estimated_total"] > 0)
    _, corrected = srv.json(search_url([("q", "cocao")]))
    check("a misspelt query carries \"corrected\"", corrected.get("corrected") == "cocoa",
          corrected.get("corrected"))


def test_limits(srv):
    long_query = "a" * 2001
    check_error(srv, "a query over 2,000 bytes", search_url([("q", long_query)]), 413)
    status, _, _ = srv.get(search_url([("q", "b" * 2000)]))
    check("a query of exactly 2,000 bytes is answered", status == 200, status)
    check_error(srv, "limit over 1,000", search_url([("q", "oil"), ("limit", "1001")]), 400)
    check_error(srv, "offset over 100,000", search_url([("q", "oil"), ("offset", "100001")]), 400)
    check_error(srv, "a negative limit", search_url([("q", "oil"), ("limit", "-1")]), 400)
    check_error(srv, "an unknown sort", search_url([("q", "oil"), ("sort", "loudest")]), 400)
    check_error(srv, "a bad date", search_url([("q", "oil"), ("from", "yesterday")]), 400)
    check_error(srv, "from after to", search_url([("q", "oil"), ("from", "1988"), ("to", "1987")]), 400)
    check_error(srv, "an unknown parameter", search_url([("q", "oil"), ("colour", "red")]), 400)
    check_error(srv, "an unknown facet", search_url([("q", "oil"), ("facets", "colour")]), 400)
    check_error(srv, "no query and no filter", "/api/search", 400)
    check_error(srv, "a query-syntax error (unknown stemming language)",
                search_url([("q", "oil"), ("lang", "english")]), 400)
    start = time.time()
    status, obj = srv.json(search_url([("q", "a*"), ("limit", "1")]))
    check("a wildcard with thousands of expansions is answered from the 1,000 most frequent",
          status == 200 and time.time() - start < 5, (status, obj.get("error")))
    check_error(srv, "an unknown path", "/api/nothing", 404)
    check_error(srv, "an unknown article", "/api/article/no-such-id", 404)
    check_error(srv, "POST", "/api/search", 405, method="POST", body=b"q=oil")
    status, _, body = srv.request("POST", "/api/search", body=b"x" * 100000,
                                  headers={"Content-Type": "text/plain"})
    check("a 100 kB request body: 413 with a JSON error", status == 413 and is_json_error(body),
          (status, body[:200]))
    answer = srv.raw(b"GET /?q=" + b"x" * 9000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    check("a request URI over 8 kB: 414 with a JSON error",
          answer.startswith(b"HTTP/1.1 414") and b'"error"' in answer, answer[:200])
    answer = srv.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"y" * 9000 +
                     b"\r\nConnection: close\r\n\r\n")
    check("a request header over 8 kB: 400 with a JSON error",
          answer.startswith(b"HTTP/1.1 400") and b'"error"' in answer, answer[:200])
    for path in (b"/assets/../../../../etc/passwd", b"/assets/..%2f..%2f..%2fetc%2fpasswd",
                 b"/../../etc/passwd", b"/assets/%2e%2e/CMakeLists.txt"):
        answer = srv.raw(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        check("no file outside the embedded page for %s" % path.decode(),
              b"root:" not in answer and b"cmake_minimum" not in answer and
              (answer.startswith(b"HTTP/1.1 404") or answer.startswith(b"HTTP/1.1 400")), answer[:120])


def test_operations(srv, documents):
    status, health = srv.json("/healthz")
    check("/healthz answers ok with the document count",
          status == 200 and health == {"status": "ok", "documents": documents}, health)
    status, headers, body = srv.get("/metrics")
    text = body.decode()
    check("/metrics is Prometheus text", status == 200 and headers.get("Content-Type", "").startswith(
        "text/plain") and "# TYPE gazette_http_requests_total counter" in text, headers)
    ok200 = re.search(r'^gazette_http_requests_total\{code="200"\} (\d+)$', text, re.M)
    bad400 = re.search(r'^gazette_http_requests_total\{code="400"\} (\d+)$', text, re.M)
    check("requests are counted by status code", ok200 and int(ok200.group(1)) > 10 and bad400)
    buckets = [int(n) for n in re.findall(
        r'^gazette_http_request_duration_seconds_bucket\{le="[^"]+"\} (\d+)$', text, re.M)]
    count = re.search(r"^gazette_http_request_duration_seconds_count (\d+)$", text, re.M)
    check("the latency histogram is cumulative and ends at its count",
          buckets and buckets == sorted(buckets) and count and buckets[-1] == int(count.group(1)))
    check("/metrics reports the documents in the index",
          re.search(r"^gazette_index_documents %d$" % documents, text, re.M), text[-400:])
    reopen = re.search(r"^gazette_index_last_reopen_timestamp_seconds (\S+)$", text, re.M)
    check("/metrics reports the last reopen time", reopen and abs(float(reopen.group(1)) - time.time()) < 3600)

    status, article = srv.json("/api/article/" + urllib.parse.quote(SEED_ID, safe=""))
    check("/api/article/{id} returns the stored article",
          status == 200 and article["id"] == SEED_ID and "Witkoff" in article["body"], article)
    status, article = srv.json("/api/article/reuters:42")
    check("/api/article/reuters:42 (an id with a colon)", status == 200 and article["id"] == "reuters:42")

    status, sugg = srv.json("/api/suggest?q=" + urllib.parse.quote("ukraine negotiat"))
    titles = [c["title"] for c in sugg.get("completions", [])]
    check("/api/suggest completes a headline prefix",
          status == 200 and titles and len(titles) <= 10 and
          all(re.search(r"\bukrain", t, re.I) and re.search(r"\bnegotiat", t, re.I) for t in titles)
          and any(c["id"] == SEED_ID for c in sugg["completions"]), sugg)
    status, sugg = srv.json("/api/suggest?q=cocao")
    check("/api/suggest suggests a spelling", status == 200 and sugg["spelling"] == ["cocoa"]
          and sugg["corrected"] == "cocoa", sugg)
    check_error(srv, "/api/suggest without q", "/api/suggest", 400)
    check_error(srv, "/api/suggest with a query over 2,000 bytes", "/api/suggest?q=" + "x" * 2001, 413)

    status, headers, body = srv.get("/")
    check("/ serves the search page", status == 200 and headers.get("Content-Type", "").startswith(
        "text/html") and b"<html" in body)
    check("an access log line per request", re.search(r"^GET /api/search 200 [\d.]+ ms$",
                                                      srv.stderr(), re.M))


def test_live_index(srv, db, work):
    before = srv.json("/healthz")[1]["documents"]
    new = os.path.join(work, "fresh.jsonl")
    with open(new, "w") as f:
        for i in range(3):
            f.write(json.dumps({"id": "fresh:%d" % i, "title": "Zorblaxian envoy arrives %d" % i,
                                "body": "The zorblaxian delegation met officials.", "date": "2025-03-0%d" % (i + 1),
                                "source": "Gazette Test"}) + "\n")
    # Searches keep running while the indexer commits: none may fail.
    stop = threading.Event()
    statuses = []

    def hammer():
        while not stop.is_set():
            statuses.append(srv.get(search_url([("q", "oil prices zorblaxian"), ("facets", "source")]))[0])
    t = threading.Thread(target=hammer)
    t.start()
    try:
        subprocess.run([INDEX, "--db", db, "--quiet", new], check=True, capture_output=True)
        deadline = time.time() + 15
        found = 0
        while time.time() < deadline:
            _, obj = srv.json(search_url([("q", "zorblaxian")]))
            found = obj.get("estimated_total", 0)
            if found == 3:
                break
            time.sleep(0.2)
    finally:
        stop.set()
        t.join()
    check("articles indexed while the server runs appear without a restart", found == 3, found)
    check("every search during indexing was answered 200 (%d searches)" % len(statuses),
          statuses and all(s == 200 for s in statuses), sorted(set(statuses)))
    # Each worker reopens on its own clock (--reopen-interval, 1 s by default), so the worker
    # that answers /healthz may see the new commit up to that long after the one that
    # answered the searches did.
    deadline = time.time() + 5
    while True:
        _, health = srv.json("/healthz")
        if health["documents"] != before or time.time() > deadline:
            return health["documents"]
        time.sleep(0.2)


def test_small_server(db, work):
    """A tiny time budget; then a server with one thread, a queue of one, a 1 s idle timeout."""
    srv = Server(db, work, "budget", "--time-budget", "0.0001", "--quiet")
    try:
        status, _, body = srv.get(search_url([("source", "reuters"), ("facets", "tag,place,year,month"),
                                              ("facet_size", "1000"), ("exact_total", "1")]))
        check("a search over its time budget: 503 with a JSON error",
              status == 503 and is_json_error(body) and b"budget" in body, (status, body[:200]))
    finally:
        srv.stop()
    # --request-timeout 30: the stuck client below must be closed by the 1 s idle timeout, so
    # closing it within 9 s cannot be the request timeout's doing.
    srv = Server(db, work, "small", "--threads", "1", "--max-queue", "1", "--idle-timeout", "1",
                 "--request-timeout", "30", "--quiet")
    try:
        # A client that stops reading holds the only worker (its pipelined answers fill the
        # socket buffers: an idle or slow-sending connection no longer holds one); the next
        # connection waits in the queue; the one after that finds the queue full and is
        # answered 503 at once.
        stuck = socket.socket()
        stuck.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        stuck.connect(("127.0.0.1", srv.port))
        # About 100 KB per answer: more than loopback's socket buffers hold after a few.
        big = search_url([("q", "said"), ("limit", "1000")]).encode()
        stuck.sendall((b"GET " + big + b" HTTP/1.1\r\nHost: x\r\n\r\n") * 100)
        time.sleep(0.3)
        waiting = socket.create_connection(("127.0.0.1", srv.port))
        waiting.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        time.sleep(0.3)
        start = time.time()
        answer = srv.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        check("a connection over the queue limit: 503 with a JSON error",
              answer.startswith(b"HTTP/1.1 503") and b'"error"' in answer, answer[:200])
        waiting.settimeout(5)
        got = waiting.recv(65536)
        check("the queued connection is answered once a worker is free", got.startswith(b"HTTP/1.1 200"),
              got[:100])
        stuck.settimeout(5)
        taken = b""
        try:
            while chunk := stuck.recv(65536):
                taken += chunk
        except OSError:
            pass
        answers = taken.count(b"HTTP/1.1 200")
        check(f"a client that stops reading is closed after the idle timeout ({answers} of 100 "
              f"answers sent)", 0 < answers < 100 and time.time() - start < 9, time.time() - start)
        idle = socket.create_connection(("127.0.0.1", srv.port))
        idle.settimeout(5)
        start = time.time()
        closed = idle.recv(1) == b""
        check("an idle connection is closed after the idle timeout (1 s)",
              closed and time.time() - start < 3, time.time() - start)
        for s in (idle, waiting, stuck):
            s.close()
    finally:
        srv.stop()
    # One client's share of the waiting room: its fourth silent connection is refused, while
    # another address (127.0.0.2 is loopback too) still gets in and is answered.
    srv = Server(db, work, "shares", "--max-waiting", "10", "--max-waiting-per-client", "3", "--quiet")
    silent = []
    try:
        for _ in range(3):
            silent.append(socket.create_connection(("127.0.0.1", srv.port)))
        # Probe until the three are in the room. A probe let in before them is closed again
        # (the room frees its place when it sees that); a silent one refused meanwhile (it has
        # an answer waiting) is opened again.
        deadline = time.time() + 10
        while True:
            time.sleep(0.2)
            for i, s in enumerate(silent):
                s.setblocking(False)
                try:
                    s.recv(1, socket.MSG_PEEK)
                    s.close()
                    silent[i] = socket.create_connection(("127.0.0.1", srv.port))
                except BlockingIOError:
                    pass  # nothing to read: still waiting in the room
            try:
                answer = srv.raw(b"", timeout=1)
            except socket.timeout:
                answer = b""
            if answer.startswith(b"HTTP/1.1 503") or time.time() > deadline:
                break
        check("a client's connection beyond its share of the waiting room: 503 naming it",
              answer.startswith(b"HTTP/1.1 503") and b"3 connections from 127.0.0.1" in answer, answer[:300])
        other = socket.create_connection(("127.0.0.1", srv.port), source_address=("127.0.0.2", 0))
        other.settimeout(5)
        other.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        got = other.recv(65536)
        check("another client still gets in and is answered", got.startswith(b"HTTP/1.1 200"), got[:100])
        other.close()
        silent.pop().close()
        time.sleep(0.5)  # the room notices the close and frees the place
        answer = srv.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        check("a place freed by the client is its again", answer.startswith(b"HTTP/1.1 200"), answer[:100])
    finally:
        for s in silent:
            s.close()
        srv.stop()


def test_sigterm(srv):
    srv.proc.send_signal(signal.SIGTERM)
    try:
        code = srv.proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        code = None
    check("SIGTERM stops the server cleanly (exit 0)", code == 0 and "stopped" in srv.stderr(),
          (code, srv.stderr()[-300:]))


def main():
    work = tempfile.mkdtemp(prefix="gazette-server-")
    # Removed however the test ends (a failed check, an exception), not only on success.
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    db = os.path.join(work, "news.db")
    reuters = sorted(glob.glob(os.path.join(SHARED, "corpora", "reuters21578", "reut2-*.sgm")))
    if not reuters:
        print("FAIL: no Reuters files under", SHARED)
        return 1
    subprocess.run([INDEX, "--db", db, "--quiet", os.path.join(SRC, "corpus", "seed"),
                    os.path.join(SRC, "corpus", "samples"), *reuters], capture_output=True)
    srv = Server(db, work, "main")
    try:
        test_search(srv, db)
        test_limits(srv)
        _, health = srv.json("/healthz")
        test_operations(srv, health["documents"])
        after = test_live_index(srv, db, work)
        check("/healthz counts the new articles", after == health["documents"] + 3, (after, health["documents"]))
        test_small_server(db, work)
        test_sigterm(srv)
    finally:
        srv.stop()
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
