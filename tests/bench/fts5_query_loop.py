#!/usr/bin/env python3
"""fts5-query-loop: the SQLite FTS5 peer of `gazette-search --jsonl` in
tests/bench/index_search_bench.sh. Not part of Gazette. Standard library only.

Usage: fts5_query_loop.py DB [LIMIT] < queries.txt

Reads one benchmark query per line (bare words and "quoted phrases", as bench_corpus.py
makes them) and turns it into an FTS5 expression with the same meaning as Gazette's
default (words ORed, a quoted phrase stays a phrase). For each it times, with
perf_counter, `SELECT rowid, title, body FROM articles WHERE articles MATCH ? ORDER BY
rank LIMIT ?` (BM25) and fetching the rows. It prints one line per query, in
xapian-enquire-loop's format: microseconds <TAB> "n/a" (FTS5 gives no estimate) <TAB>
hits returned <TAB> first rowid (0 if none); "error" in the second column for a query
SQLite rejects.
"""

import re
import sqlite3
import sys
import time

TOKEN_RE = re.compile(r'"([^"]*)"|(\S+)')


def fts5_expression(query):
    parts = []
    for phrase, word in TOKEN_RE.findall(query):
        text = (phrase or word).replace('"', "")
        if text.strip():
            parts.append('"%s"' % text)
    return " OR ".join(parts)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: fts5_query_loop.py DB [LIMIT] < queries")
    limit = int(sys.argv[2]) if len(sys.argv) == 3 else 10
    db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
    sql = "SELECT rowid, title, body FROM articles WHERE articles MATCH ? ORDER BY rank LIMIT ?"
    out = []
    fetched = 0
    for line in sys.stdin:
        expr = fts5_expression(line.strip())
        start = time.perf_counter()
        try:
            rows = db.execute(sql, (expr, limit)).fetchall()
            failed = False
        except sqlite3.Error:
            rows, failed = [], True
        micros = (time.perf_counter() - start) * 1e6
        fetched += sum(len(r[1] or "") + len(r[2] or "") for r in rows)
        if failed:
            out.append("%.1f\terror\t0\t0\n" % micros)
        else:
            out.append("%.1f\tn/a\t%d\t%d\n" % (micros, len(rows), rows[0][0] if rows else 0))
    sys.stdout.write("".join(out))
    print("fts5_query_loop: fetched %d characters of title and body" % fetched, file=sys.stderr)


if __name__ == "__main__":
    main()
