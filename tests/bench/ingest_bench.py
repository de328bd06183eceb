#!/usr/bin/env python3
"""Measures the readers of issue 17 and the watch mode (results in docs/benchmarks.md):

1. throughput: the same N articles as JSON Lines and as RSS, Atom, NewsML-G2, NITF (one file
   per article, as the NYT corpus) and TREC (1,000 documents a file), each indexed into a new
   database; wall time, user CPU, articles/s, the ratio to JSON Lines, and the readers alone
   (gazette-read-only: reading without indexing) as a share of the indexing run's CPU;
2. memory: peak resident memory (/usr/bin/time -v) indexing one RSS feed of BIG items
   against one of a tenth of that: streaming keeps it flat;
3. watch delay: files dropped one by one into a folder gazette-index --watch watches, from
   the file's close to its id being in the database (polled with xapian-delve every 10 ms):
   median and p99.

Usage: ingest_bench.py [BIN_DIR]   (env: BENCH_N=20000 (0: no throughput run) BENCH_BIG=200000 (0: no memory run)
BENCH_READ_ONLY=1 (the memory run reads only) BENCH_DROPS=300 (0: no watch run))"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/bin"
INDEX = os.path.join(BIN, "gazette-index")
READ_ONLY = os.path.join(BIN, "gazette-read-only")  # tests/tools/read_only.cc
N = int(os.environ.get("BENCH_N", "20000"))
BIG = int(os.environ.get("BENCH_BIG", "200000"))
DROPS = int(os.environ.get("BENCH_DROPS", "300"))
work = tempfile.mkdtemp(prefix="gazette-ingest-bench-")

WORDS = ("harbour authority terminal container quay pilots union dredging channel vessel "
         "cargo freight crane tug berth lock ferry tide storm port wharf dock").split()


def article(i):
    w = [WORDS[(i * 7 + k) % len(WORDS)] for k in range(40)]
    paragraphs = [" ".join(w[k:k + 20]).capitalize() + f", said official {i % 97}." for k in (0, 20)]
    paragraphs += [f"The {WORDS[i % len(WORDS)]} report number {i} was published on Monday, "
                   "after two years of hearings and several appeals by the operators."] * 6
    return {"id": f"bench-{i:07d}", "title": f"Harbour report {i}: {w[0]} and {w[1]}",
            "paragraphs": paragraphs, "date": "2024-03-04T09:30:00Z", "author": "Jane Roe",
            "tag": WORDS[i % len(WORDS)]}


def jsonl(a):
    return json.dumps({"id": a["id"], "title": a["title"], "body": "\n".join(a["paragraphs"]),
                       "date": a["date"], "authors": [a["author"]], "tags": [a["tag"]]}) + "\n"


def rss_item(a):
    body = "".join(f"<p>{p}</p>" for p in a["paragraphs"])
    return (f"<item><title>{a['title']}</title><link>https://news.example.org/{a['id']}</link>"
            f"<guid isPermaLink=\"false\">{a['id']}</guid><pubDate>Mon, 04 Mar 2024 09:30:00 GMT"
            f"</pubDate><dc:creator>{a['author']}</dc:creator><category>{a['tag']}</category>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>\n")


RSS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench</title>\n')
RSS_TAIL = "</channel></rss>\n"


def atom_entry(a):
    body = "".join(f"<p>{p}</p>" for p in a["paragraphs"])
    return (f"<entry><id>{a['id']}</id><title>{a['title']}</title>"
            f"<link href=\"https://news.example.org/{a['id']}\"/><published>{a['date']}</published>"
            f"<author><name>{a['author']}</name></author><category term=\"{a['tag']}\"/>"
            f"<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">{body}</div>"
            "</content></entry>\n")


def newsml_item(a):
    body = "".join(f"<p>{p}</p>" for p in a["paragraphs"])
    return (f"<newsItem guid=\"{a['id']}\" version=\"1\" standard=\"NewsML-G2\" "
            "standardversion=\"2.29\"><itemMeta><itemClass qcode=\"ninat:text\"/>"
            f"<provider literal=\"Bench Wire\"/><versionCreated>{a['date']}</versionCreated>"
            f"</itemMeta><contentMeta><contentCreated>{a['date']}</contentCreated>"
            f"<creator><name>{a['author']}</name></creator><subject type=\"cpnat:abstract\">"
            f"<name>{a['tag']}</name></subject><language tag=\"en\"/><headline>{a['title']}"
            "</headline></contentMeta><contentSet><inlineXML contenttype=\"application/xhtml+xml\">"
            f"<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>{body}</body></html></inlineXML>"
            "</contentSet></newsItem>\n")


def nitf_doc(a):
    body = "".join(f"<p>{p}</p>" for p in a["paragraphs"])
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nitf><head><title>" + a["title"] +
            f"</title><docdata><doc-id id-string=\"{a['id']}\"/><date.issue norm=\"20240304T093000Z\"/>"
            f"<identified-content><classifier>{a['tag']}</classifier></identified-content>"
            "</docdata></head><body><body.head><hedline><hl1>" + a["title"] + "</hl1></hedline>"
            f"<byline>By {a['author']}</byline></body.head><body.content><block class=\"full_text\">"
            f"{body}</block></body.content></body></nitf>\n")


def trec_doc(a):
    body = "\n".join(f"<P>\n{p}\n</P>" for p in a["paragraphs"])
    return (f"<DOC>\n<DOCNO> {a['id']} </DOCNO>\n<DATE>\n<P>\nMarch 4, 2024, Monday\n</P>\n</DATE>\n"
            f"<HEADLINE>\n<P>\n{a['title']}\n</P>\n</HEADLINE>\n<BYLINE>\n<P>\nBy {a['author']}\n"
            f"</P>\n</BYLINE>\n<TEXT>\n{body}\n</TEXT>\n</DOC>\n")


def write_inputs(n):
    articles = [article(i) for i in range(n)]
    inputs = {}
    path = os.path.join(work, "articles.jsonl")
    with open(path, "w") as f:
        f.writelines(jsonl(a) for a in articles)
    inputs["JSON Lines"] = path
    path = os.path.join(work, "feed.rss")
    with open(path, "w") as f:
        f.write(RSS_HEAD)
        f.writelines(rss_item(a) for a in articles)
        f.write(RSS_TAIL)
    inputs["RSS"] = path
    path = os.path.join(work, "feed.atom")
    with open(path, "w") as f:
        f.write('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Bench</title>\n')
        f.writelines(atom_entry(a) for a in articles)
        f.write("</feed>\n")
    inputs["Atom"] = path
    path = os.path.join(work, "wire.xml")
    with open(path, "w") as f:
        f.write('<?xml version="1.0"?>\n<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">'
                "<itemSet>\n")
        f.writelines(newsml_item(a) for a in articles)
        f.write("</itemSet></newsMessage>\n")
    inputs["NewsML-G2"] = path
    path = os.path.join(work, "nitf")
    os.makedirs(path)
    for a in articles:
        with open(os.path.join(path, a["id"] + ".xml"), "w") as f:
            f.write(nitf_doc(a))
    inputs["NITF (a file each)"] = path
    path = os.path.join(work, "trec")
    os.makedirs(path)
    for start in range(0, n, 1000):
        with open(os.path.join(path, f"BN{start // 1000:04d}"), "w") as f:
            f.writelines(trec_doc(a) for a in articles[start:start + 1000])
    inputs["TREC (1,000 a file)"] = path
    return inputs


def timed_index(db, path):
    """(wall seconds, user CPU seconds, peak RSS MB, stdout) of one gazette-index run."""
    shutil.rmtree(db, ignore_errors=True)
    t0 = time.time()
    p = subprocess.run(["/usr/bin/time", "-v", INDEX, "-q", "--db", db, path],
                       capture_output=True, text=True)
    wall = time.time() - t0
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", p.stderr).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    return wall, user, rss, p.stdout


def throughput():
    inputs = write_inputs(N)
    print(f"## throughput: {N:,} articles, each format into a new database (2 writers)")
    print("| input | size | wall s | user CPU s | articles/s | wall vs JSON Lines | "
          "reading alone, CPU s | reading / indexing CPU |")
    print("|---|---|---|---|---|---|---|---|")
    base = None
    for name, path in inputs.items():
        size = (os.path.getsize(path) if os.path.isfile(path) else
                sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path)))
        wall, user, _, out = timed_index(os.path.join(work, "t.db"), path)
        count = int(re.search(r"indexed ([\d,]+) articles", out).group(1).replace(",", ""))
        assert count == N, out
        base = base or wall
        # CPU time, not wall time: the machine may be shared (wall times then vary 2x).
        p = subprocess.run(["/usr/bin/time", "-v", READ_ONLY, path], capture_output=True,
                           text=True)
        assert int(p.stdout.split()[0]) == N, p.stdout
        reading = float(re.search(r"User time \(seconds\): ([\d.]+)", p.stderr).group(1))
        print(f"| {name} | {size / 1e6:.1f} MB | {wall:.2f} | {user:.2f} | {N / wall:,.0f} | "
              f"{wall / base:.2f} | {reading:.2f} | {100 * reading / user:.0f} % |", flush=True)
    shutil.rmtree(os.path.join(work, "nitf"))
    shutil.rmtree(os.path.join(work, "trec"))


def memory():
    """Indexing (and, with BENCH_READ_ONLY=1, only reading: gazette-read-only) one feed."""
    read_only = os.environ.get("BENCH_READ_ONLY") == "1"
    what = "reading only" if read_only else "indexing"
    print(f"\n## peak memory, {what}: one RSS feed of {BIG:,} items against one of {BIG // 10:,}")
    print("| feed | size | peak RSS | wall s |")
    print("|---|---|---|---|")
    for n in (BIG // 10, BIG):
        path = os.path.join(work, f"big-{n}.rss")
        with open(path, "w") as f:
            f.write(RSS_HEAD)
            for i in range(n):
                f.write(rss_item(article(i)))
            f.write(RSS_TAIL)
        if read_only:
            t0 = time.time()
            p = subprocess.run(["/usr/bin/time", "-v", READ_ONLY, path], capture_output=True,
                               text=True)
            wall = time.time() - t0
            rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)",
                                p.stderr).group(1)) / 1024
            assert int(p.stdout.split()[0]) == n, p.stdout
        else:
            wall, _, rss, _ = timed_index(os.path.join(work, "m.db"), path)
        print(f"| {n:,} items | {os.path.getsize(path) / 1e6:.0f} MB | {rss:.0f} MB | {wall:.1f} |",
              flush=True)
        os.remove(path)
        shutil.rmtree(os.path.join(work, "m.db"), ignore_errors=True)


def watch_delay():
    folder = os.path.join(work, "incoming")
    os.makedirs(folder)
    db = os.path.join(work, "w.db")
    log = open(os.path.join(work, "watch.log"), "w")
    proc = subprocess.Popen([INDEX, "--db", db, "--watch", folder, "--quiet"], stdout=log,
                            stderr=subprocess.STDOUT)
    time.sleep(1.0)
    delays = []
    try:
        for i in range(DROPS):
            a = article(10_000_000 + i)
            path = os.path.join(folder, f"drop-{i:05d}.jsonl")
            with open(path, "w") as f:
                f.write(jsonl(a))
            closed = time.time()
            while True:
                out = subprocess.run(["xapian-delve", "-t", "Q" + a["id"], db],
                                     capture_output=True, text=True).stdout
                if re.search(r"termfreq [1-9]", out):
                    break
                if time.time() - closed > 30:
                    raise RuntimeError("not indexed within 30 s: " + a["id"])
                time.sleep(0.01)
            delays.append(time.time() - closed)
    finally:
        proc.terminate()
        proc.wait()
    delays.sort()
    p99 = delays[min(len(delays) - 1, int(len(delays) * 0.99))]
    print(f"\n## watch delay: {DROPS} files dropped one at a time, close → in the database")
    print(f"median {statistics.median(delays) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
          f"max {delays[-1] * 1000:.0f} ms")


try:
    if N > 0:
        throughput()
    if BIG > 0:
        memory()
    if DROPS > 0:
        watch_delay()
finally:
    shutil.rmtree(work, ignore_errors=True)
