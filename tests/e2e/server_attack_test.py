#!/usr/bin/env python3
"""The HTTP service under attack on loopback: `gazette-search serve` over corpus/ + one Reuters
file, started here on 127.0.0.1 on a free port and stopped at the end.

- it binds 127.0.0.1 unless told otherwise (/proc/net/tcp), and no request writes: every
  other method on every path is refused and the database files are unchanged;
- malformed and oversized requests over raw sockets;
- slowloris: many connections sending a byte at a time (reopened when closed), from
  127.0.0.2, while a normal client (127.0.0.1) must still be answered at once, each slow one
  answered 408 and closed at the request timeout, and slow but whole requests served;
- path traversal against the static files (/../../etc/passwd and encoded variants);
- --queries fuzzed query strings on /api/search (random bytes, unbalanced quotes, huge
  wildcards, deep parentheses, long phrases, random options) and queries built to be
  expensive;
throughout: no crash, no hang, only the statuses docs/server.md documents, and the server's
memory (VmRSS from /proc, sampled every 0.2 s) bounded.

Usage: server_attack_test.py BIN_DIR SRC_DIR SHARED_DIR [--queries N] [--slow N]"""
import argparse
import hashlib
import http.client
import os
import random
import re
import select
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from checks import Checks
from support import read, start_serve

parser = argparse.ArgumentParser()
parser.add_argument("bin")
parser.add_argument("src")
parser.add_argument("shared")
parser.add_argument("--queries", type=int, default=10000)
parser.add_argument("--slow", type=int, default=200, help="slowloris connections")
args = parser.parse_args()
INDEX = os.path.join(args.bin, "gazette-index")
SEARCH = os.path.join(args.bin, "gazette-search")
DOCUMENTED = {200, 400, 404, 405, 408, 413, 414, 503}  # docs/server.md "Limits"
lock = threading.Lock()  # the script's own counters, shared by its threads
checks = Checks()
check = checks.check


def tree_digest(path):
    h = hashlib.sha256()
    for root, _, files in sorted(os.walk(path)):
        for name in sorted(files):
            with open(os.path.join(root, name), "rb") as f:
                h.update(name.encode() + f.read())
    return h.hexdigest()


def raw(port, data, timeout=6):
    """Sends bytes, reads until the server closes or has sent one whole answer; returns (status
    or None when it closed without answering, or "hang", and the bytes)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    answer = b""
    try:
        s.sendall(data)
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
            head, sep, body = answer.partition(b"\r\n\r\n")
            m = re.search(rb"(?i)content-length: *(\d+)", head)
            if sep and m and len(body) >= int(m.group(1)) and b"HTTP/1.1 200" not in answer[:20]:
                break  # one whole answer (a pipelined burst of 200s is read to the end)
    except (ConnectionResetError, BrokenPipeError):
        pass
    except socket.timeout:
        if not answer:
            return "hang", answer
    finally:
        s.close()
    m = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
    return (int(m.group(1)) if m else None), answer


def get(port, path, timeout=10):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request("GET", path)
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


work = tempfile.mkdtemp(prefix="gazette-attack-")
server = None
rss = []
try:
    db = os.path.join(work, "news.db")
    r = subprocess.run([INDEX, "--db", db, "-q", os.path.join(args.src, "corpus"),
                        os.path.join(args.shared, "corpora", "reuters21578", "reut2-000.sgm")],
                       capture_output=True, text=True)
    check("database indexed", r.returncode in (0, 3), r.stderr)
    before = tree_digest(db)

    # It binds loopback unless told otherwise: the default address, as printed.
    # Waits for the line (up to 30 s) instead of a fixed time: under ASan on a busy machine
    # the server once took longer than the 1.5 s this used to allow.
    default_log = os.path.join(work, "default-listen.log")
    with open(default_log, "w") as log:
        p = subprocess.Popen([SEARCH, "serve", "--db", db], stdout=subprocess.DEVNULL,
                             stderr=log)
    deadline = time.time() + 30
    while "127.0.0.1:8080" not in read(default_log) and p.poll() is None and \
            time.time() < deadline:
        time.sleep(0.05)
    p.terminate()
    p.wait(timeout=30)
    err = read(default_log)
    check("without --listen it listens on 127.0.0.1:8080 (or says that address is taken)",
          "127.0.0.1:8080" in err, err)

    server, port = start_serve(SEARCH, ["--db", db, "--quiet"], os.path.join(work, "server.log"))
    check("server started on a free loopback port", port is not None)
    listening = [line.split()[1] for line in open("/proc/net/tcp").read().splitlines()[1:]
                 if line.split()[3] == "0A"]
    check("the listening socket is 127.0.0.1 only", f"0100007F:{port:04X}" in listening and
          f"00000000:{port:04X}" not in listening, listening)

    stop = threading.Event()

    def sample():
        while not stop.is_set():
            try:
                for line in open(f"/proc/{server.pid}/status"):
                    if line.startswith("VmRSS:"):
                        rss.append(int(line.split()[1]) / 1024)
            except OSError:
                pass
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()

    def alive(what):
        try:
            status, _ = get(port, "/healthz")
        except OSError as e:
            status = e
        check(f"alive after {what}", status == 200 and server.poll() is None, status)

    # ------------------------------------------------------------------------ slowloris
    # --slow connections each trickle a byte a second: in the request line, in a header, or in
    # a small body, a third of them each; one the server closes is opened again at once, so the
    # count holds. Meanwhile a normal client searches every 0.3 s, and slow but honest clients
    # send whole requests in pieces. The server must answer the normal client as usual, answer
    # each slow connection 408 and close it at the request timeout (counted from accept), and
    # serve the honest ones. It runs while the malformed requests and traversals below are
    # sent (they mostly wait on sockets), and is checked after them.
    TIMEOUT = 10  # gazette-search serve --request-timeout, default
    openers = [b"GET /api/search?q=", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ",
               b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 8000\r\n\r\n"]
    attack_end = time.time() + TIMEOUT + 6
    slow_lives = []  # (seconds from connect to the server closing it, 408 seen)
    slow_opened = [0]
    attack_errors = []

    def attacker():
        conns = {}  # socket -> (opened at, bytes received)

        def open_one(i):
            try:
                # From 127.0.0.2 (loopback too): an attacker is another host than the
                # normal client, so the server's per-address share applies to it alone.
                s = socket.create_connection(("127.0.0.1", port), timeout=5,
                                             source_address=("127.0.0.2", 0))
                s.sendall(openers[i % 3])
                s.setblocking(False)
                conns[s] = [time.time(), b""]
                slow_opened[0] += 1
            except OSError as e:
                attack_errors.append(repr(e))

        def closed(s):
            opened, got = conns.pop(s)
            slow_lives.append((time.time() - opened, got.startswith(b"HTTP/1.1 408")))
            s.close()

        for i in range(args.slow):
            open_one(i)
        i = args.slow
        next_trickle = time.time()
        while time.time() < attack_end:
            # Watch for the server closing a connection between trickles, so that each
            # one's life is measured to within a few milliseconds.
            poller = select.poll()  # not select(): --slow may exceed FD_SETSIZE
            by_fd = {s.fileno(): s for s in conns}
            for fd in by_fd:
                poller.register(fd, select.POLLIN)
            events = poller.poll(max(0.0, next_trickle - time.time()) * 1000)
            for fd, _ in events:
                s = by_fd[fd]
                try:
                    chunk = s.recv(4096)
                except BlockingIOError:
                    continue
                except OSError:
                    chunk = b""
                if chunk:
                    conns[s][1] += chunk
                    continue
                closed(s)
                open_one(i)
                i += 1
            if time.time() >= next_trickle:
                next_trickle += 1
                for s in list(conns):
                    try:
                        s.send(b"a")
                    except BlockingIOError:
                        pass
                    except OSError:
                        pass  # reset: select reports it
        for s in conns:
            s.close()

    normal = []  # (status, seconds)

    def normal_client():
        while time.time() < attack_end:
            t0 = time.time()
            try:
                status, _ = get(port, "/api/search?q=cocoa&limit=3", timeout=TIMEOUT + 5)
            except OSError as e:
                status = repr(e)
            normal.append((status, time.time() - t0))
            time.sleep(0.3)

    honest = []  # (what, status, seconds)

    def honest_client(what, pieces, gap):
        t0 = time.time()
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT + 5)
            for piece in pieces:
                s.sendall(piece)
                time.sleep(gap)
            answer = b""
            while b"\r\n\r\n" not in answer:
                chunk = s.recv(65536)
                if not chunk:
                    break
                answer += chunk
            s.close()
            m = re.match(rb"HTTP/1\.1 (\d{3})", answer)
            status = int(m.group(1)) if m else None
        except OSError as e:
            status = repr(e)
        honest.append((what, status, time.time() - t0))

    request = b"GET /api/search?q=cocoa+prices&limit=3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    threads = [threading.Thread(target=attacker), threading.Thread(target=normal_client)]
    threads[0].start()
    time.sleep(1)  # the slow connections are in before the clients that must get through
    threads[1].start()
    for what, pieces, gap in [
            ("a byte every 0.05 s", [request[i:i + 1] for i in range(len(request))], 0.05),
            ("4 pieces 2 s apart", [request[len(request) * i // 4:len(request) * (i + 1) // 4]
                                    for i in range(4)], 2.0),
            ("a body of 5 bytes in 2 pieces 3 s apart",
             [b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhe", b"llo"], 3.0)]:
        threads.append(threading.Thread(target=honest_client, args=(what, pieces, gap)))
        threads[-1].start()
    # ------------------------------------------------------------------------ no write endpoint
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        for path in ("/api/search?q=cocoa", "/api/article/reuters:5", "/api/suggest?q=co",
                     "/healthz", "/metrics", "/", "/assets/app.js", "/api/index", "/api/delete"):
            status, _ = raw(port, f"{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                  f"Connection: close\r\n\r\nhello".encode())
            check(f"{method} {path} is refused ({status})", status in (404, 405), status)

    # ------------------------------------------------------------------------ malformed requests
    huge = "a" * 100_000
    malformed = {
        "garbage bytes": os.urandom(4096),
        "no version": b"GET /\r\n\r\n",
        "HTTP/0.9": b"GET /healthz\n",
        "bad version": b"GET / HTTP/9.9\r\n\r\n",
        "NUL in path": b"GET /api/search?q=co\x00coa HTTP/1.1\r\nHost: x\r\n\r\n",
        "huge URI": f"GET /api/search?q={huge} HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
        "huge header": f"GET / HTTP/1.1\r\nHost: x\r\nX-A: {huge}\r\n\r\n".encode(),
        "10,000 headers": b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(10000)) + b"\r\n",
        "huge body": b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n" + b"x" * 100000,
        "negative length": b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        "two lengths": b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 9\r\n\r\nx",
        "bad chunks": b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nqq\r\n",
        "huge chunk": b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\n",
        "bad percent": b"GET /api/search?q=%zz%%%2 HTTP/1.1\r\nHost: x\r\n\r\n",
        "invalid UTF-8 query": b"GET /api/search?q=%ff%fe%c3 HTTP/1.1\r\nHost: x\r\n\r\n",
        "query of 3,000 bytes": b"GET /api/search?q=" + b"w" * 3000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        "absolute URI": b"GET http://evil.example/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
        "CONNECT": b"CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: x\r\n\r\n",
        "pipelined 200": b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n" * 200,
        "empty": b"",
        "line feeds only": b"\n" * 10000,
    }
    for what, data in malformed.items():
        status, answer = raw(port, data)
        statuses = {int(s) for s in re.findall(rb"HTTP/1\.[01] (\d{3})", answer)}
        check(f"malformed: {what}: answered {sorted(statuses) or 'by closing'}, no hang",
              status != "hang" and statuses <= DOCUMENTED, statuses)
    alive("malformed requests")

    # ------------------------------------------------------------------------ path traversal
    for path in ["/../../etc/passwd", "/assets/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                 "/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/assets/..%2f..%2f..%2fetc%2fpasswd",
                 "/assets/%252e%252e%252fetc%252fpasswd", "/assets/..\\..\\..\\etc\\passwd",
                 "/assets/....//....//etc/passwd", "/assets/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
                 "/assets//etc/passwd", "/assets/app.js%00../../etc/passwd", "//etc/passwd",
                 "/assets/../CMakeLists.txt", "/api/article/..%2f..%2fetc%2fpasswd",
                 "/assets/" + "../" * 50 + "etc/passwd"]:
        status, answer = raw(port, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        check(f"traversal {path[:60]}: {status}, no file outside the assets",
              status in DOCUMENTED and b"root:x:0:0" not in answer and b"cmake_minimum" not in answer,
              answer[:200])

    # ------------------------------------------------------------------------ slowloris: checks
    for t in threads:
        t.join()
    statuses_seen = {}
    for st, _ in normal:
        statuses_seen[st] = statuses_seen.get(st, 0) + 1
    slowest_normal = max(sec for _, sec in normal)
    median_normal = sorted(sec for _, sec in normal)[len(normal) // 2]
    print(f"slowloris: {args.slow} slow connections held ({slow_opened[0]} opened in "
          f"{TIMEOUT + 6} s); normal client: {len(normal)} searches, statuses {statuses_seen}, "
          f"median {median_normal:.3f} s, slowest {slowest_normal:.3f} s", flush=True)
    check(f"slowloris: every search of a normal client answered 200 within the request timeout "
          f"+ 2 s ({len(normal)} searches, slowest {slowest_normal:.3f} s)",
          normal and all(st == 200 and sec < TIMEOUT + 2 for st, sec in normal), normal[:20])
    first = sorted(slow_lives)[:1] + sorted(slow_lives)[-1:]
    check(f"slowloris: each slow connection was answered 408 and closed at the request timeout "
          f"(+/- 0.5 s) "
          f"({len(slow_lives)} closed, after {first[0][0]:.1f} to {first[-1][0]:.1f} s)"
          if slow_lives else "slowloris: the slow connections were closed",
          len(slow_lives) >= args.slow and all(got408 and TIMEOUT - 0.5 < life < TIMEOUT + 1
                                               for life, got408 in slow_lives),
          sorted(slow_lives)[:5] + sorted(slow_lives)[-5:])
    status, body = get(port, "/metrics")
    m = re.search(rb'gazette_http_requests_total\{code="408"\} (\d+)', body)
    counted = int(m.group(1)) if m else 0
    check(f"slowloris: /metrics counts the 408 answers ({counted} counted, "
          f"{sum(1 for _, got408 in slow_lives if got408)} seen by the attacker)",
          status == 200 and counted >= sum(1 for _, got408 in slow_lives if got408) > 0, body[-400:])
    check("slowloris: the attacker could always connect", not attack_errors, attack_errors[:5])
    for what, status, sec in honest:
        check(f"slowloris: a slow but whole request ({what}, {sec:.1f} s) is answered 200",
              status == 200, status)
    alive("slowloris")

    # ------------------------------------------------------------------------ fuzzed queries
    rng = random.Random(12345)
    words = ["cocoa", "oil", "bank", "trade", "grain", "prices", "the", "of", "and", "said"]

    def fuzz_query():
        kind = rng.randrange(8)
        if kind == 0:
            return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
        if kind == 1:
            return ('"' * rng.randrange(1, 9) + " ".join(rng.choices(words, k=rng.randrange(1, 9)))).encode()
        if kind == 2:
            return " ".join(rng.choice("abcdefghijklmnopqrstuvwxyz") + "*" for _ in range(rng.randrange(1, 60))).encode()
        if kind == 3:
            d = rng.randrange(1, 900)
            return ("(" * d + "cocoa" + ")" * rng.randrange(0, d + 2)).encode()
        if kind == 4:
            return ('"' + " ".join(rng.choices(words, k=rng.randrange(10, 300))) + '"').encode()
        if kind == 5:
            ops = ["AND", "OR", "NOT", "NEAR", "ADJ", "XOR", "+", "-", "title:", "date:..", "id:", "source:"]
            return " ".join(rng.choice(ops + words) for _ in range(rng.randrange(1, 40))).encode()
        if kind == 6:
            return ("date:" + rng.choice(["1987", "..", "9999-99-99", "0000", "1987-13", "-1"]) +
                    ".." + rng.choice(["", "2024", "x", "1e308"])).encode()
        return "".join(chr(rng.randrange(32, 0x3000)) for _ in range(rng.randrange(1, 100))).encode("utf-8", "replace")

    def fuzz_options():
        keys = ["limit", "offset", "sort", "from", "to", "facets", "facet_size", "exact_total",
                "half_life", "now", "recency_weight", "snippets", "source", "tag", "lang", "bogus"]
        vals = ["-1", "0", "1", "1000", "1001", "99999999999999999999", "nan", "inf", "newest",
                "recency", "1987-02", "x", "source,tag,year", "", "%00", "en", "zz"]
        return "".join(f"&{rng.choice(keys)}={urllib.parse.quote(rng.choice(vals))}"
                       for _ in range(rng.randrange(0, 4)))

    statuses = {}
    slowest = [0.0, ""]
    queries = [(fuzz_query(), fuzz_options()) for _ in range(args.queries)]
    expensive = ["a* b* c* d* e* f* g* h* i* j* k* l* m* n* o* p* q* r* s* t*",
                 '"' + " ".join(["the"] * 200) + '"', " NEAR ".join(words * 3),
                 "(" * 300 + "s*" + ")" * 300, "*", "\"a* b* c*\""]
    queries += [(q.encode(), "&exact_total=1&facets=source,tag,year&limit=1000") for q in expensive]
    bad = []

    def client(part):
        conn = None
        for q, opts in part:
            path = "/api/search?q=" + urllib.parse.quote_from_bytes(q) + opts
            for attempt in range(2):
                try:
                    if conn is None:
                        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    t0 = time.time()
                    conn.request("GET", path)
                    r = conn.getresponse()
                    r.read()
                    took = time.time() - t0
                    with lock:
                        statuses[r.status] = statuses.get(r.status, 0) + 1
                        if took > slowest[0]:
                            slowest[0], slowest[1] = took, path[:100]
                        if r.status not in DOCUMENTED:
                            bad.append((r.status, path[:200]))
                    if r.getheader("Connection", "").lower() == "close":
                        conn.close()
                        conn = None
                    break
                except (http.client.HTTPException, OSError) as e:
                    if conn:
                        conn.close()
                    conn = None
                    if attempt == 1:  # a second failure on a fresh connection is an error
                        with lock:
                            bad.append((repr(e), path[:200]))

    t0 = time.time()
    parts = [queries[i::4] for i in range(4)]
    clients = [threading.Thread(target=client, args=(p,)) for p in parts]
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    took = time.time() - t0
    check(f"{len(queries)} fuzzed and expensive queries answered with documented statuses only "
          f"({dict(sorted(statuses.items()))}, {took:.0f} s, slowest {slowest[0]:.2f} s)", not bad, bad[:10])
    check("no search took much over the 2 s budget", slowest[0] < 10, slowest)
    alive("fuzzed queries")

    stop.set()
    sampler.join()
    check(f"memory bounded: VmRSS peak {max(rss):.0f} MB, at the end {rss[-1]:.0f} MB",
          max(rss) < 1024, rss[-10:])
    print(f"server VmRSS: first {rss[0]:.0f} MB, peak {max(rss):.0f} MB, last {rss[-1]:.0f} MB "
          f"({len(rss)} samples)", flush=True)
    server.terminate()
    rc = server.wait(timeout=30)
    check("SIGTERM stops it cleanly", rc == 0,
          f"exit status {rc}; end of its stderr: {read(os.path.join(work, 'server.log'))[-550:]}")
    server = None
    check("the database files are unchanged by all of it", tree_digest(db) == before)
finally:
    if server:
        server.kill()
    import shutil
    shutil.rmtree(work, ignore_errors=True)

checks.finish()
