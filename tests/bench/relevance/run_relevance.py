#!/usr/bin/env python3
"""Relevance benchmark: runs the classic IR test collections through gazette-index and
gazette-search and reports MAP, P@10 and nDCG@10 per collection and search variant.

    python3 tests/bench/relevance/run_relevance.py                      # all, or + and
    python3 tests/bench/relevance/run_relevance.py --collections cran,med --variants or
    python3 tests/bench/relevance/run_relevance.py --variant 'or-fr=--default-op or --lang fr'

See README.md in this folder.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))

import metrics  # noqa: E402


import ir_collections as irc  # noqa: E402

K = 10
BUILTIN_VARIANTS = {
    "or": ["--default-op", "or"],
    "and": ["--default-op", "and"],
}


def neutralise(text: str) -> str:
    """Query text as plain lowercase words: no operators, phrases, prefixes or +/-. A dot or an
    apostrophe between two letters or digits stays ("u.s", "nam's", "3.5"): each engine's own
    tokenizer reads them, as it reads the same text in the documents. (Until 2 December they
    became spaces, which turned "U.S" into the words "u" and "s": FTS5, whose tokenizer splits
    "U.S." in the documents the same way, gained from it; Xapian, which indexes it as "us",
    lost: TIME MAP 0.696 against 0.658, docs/ranking.md.)"""
    text = text.lower()
    kept = []
    for i, c in enumerate(text):
        inner = 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
        kept.append(c if c.isalnum() or (c in ".'" and inner) else " ")
    return " ".join("".join(kept).split())


def write_jsonl(docs, path: Path) -> tuple[int, list]:
    """Writes the non-empty documents; returns (written, ids of empty documents)."""
    empty = []
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            if not d["title"].strip() and not d["body"].strip():
                empty.append(d["id"])
                continue
            rec = {"id": d["id"], "body": d["body"]}
            if d["title"].strip():
                rec["title"] = d["title"]
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n, empty


def index(bin_dir: Path, db: Path, jsonl: Path) -> dict:
    t0 = time.monotonic()
    proc = subprocess.run([str(bin_dir / "gazette-index"), "--db", str(db), "--quiet", str(jsonl)],
                          capture_output=True, text=True)
    took = time.monotonic() - t0
    out = {"rc": proc.returncode, "seconds": took, "summary": proc.stdout.strip(),
           "stderr": proc.stderr.strip(), "rejected": None, "indexed": None}
    # The summary prints counts with thousands separators: "holds 1,033 articles".
    m = re.search(r"rejected ([\d,]+)", proc.stdout)
    if m:
        out["rejected"] = int(m.group(1).replace(",", ""))
    m = re.search(r"holds ([\d,]+) articles", proc.stdout)
    if m:
        out["indexed"] = int(m.group(1).replace(",", ""))
    out["ok"] = proc.returncode in (0, 3)
    return out


def search(bin_dir: Path, db: Path, variant_args, queries: dict, limit: int) -> dict:
    """Runs every query; returns {"rankings": {qid: [docid]}, "errors": {qid: msg}, ...}."""
    qids = list(queries)
    sent = {q: neutralise(queries[q]) for q in qids}
    # No snippets: they do not change the ranking, and 1,000 per query is most of the time.
    stdin = "".join(json.dumps({"query": sent[q], "limit": limit, "snippets": False}) + "\n" for q in qids)
    cmd = [str(bin_dir / "gazette-search"), "--db", str(db), "--jsonl", "--limit", str(limit),
           *variant_args]
    t0 = time.monotonic()
    proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    took = time.monotonic() - t0
    lines = proc.stdout.splitlines()
    rankings, errors, zero, totals = {}, {}, [], {}
    for i, qid in enumerate(qids):
        if i >= len(lines):
            errors[qid] = f"no answer (gazette-search exited {proc.returncode}: {proc.stderr.strip()[:300]})"
            continue
        try:
            obj = json.loads(lines[i])
        except json.JSONDecodeError as e:
            errors[qid] = f"unparsable answer line: {e}: {lines[i][:200]}"
            continue
        if "error" in obj:
            errors[qid] = str(obj["error"])
            continue
        if obj.get("query") != sent[qid]:
            errors[qid] = f"answer out of step: sent {sent[qid][:80]!r}, got {str(obj.get('query'))[:80]!r}"
            continue
        # With --show-duplicates each result's collapsed copies follow it, as a reader who
        # opens its "N similar" sees them; the ranking stays `limit` long.
        ids = [str(i) for r in obj.get("results", []) for i in [r["id"], *r.get("duplicate_ids", [])]]
        rankings[qid] = ids[:limit]
        totals[qid] = obj.get("estimated_total")
        if not ids:
            zero.append(qid)
    extra = len(lines) - len(qids)
    return {"rankings": rankings, "errors": errors, "zero_results": zero, "seconds": took,
            "rc": proc.returncode, "extra_lines": max(extra, 0),
            "stderr": proc.stderr.strip()[:2000], "estimated_totals": totals}


BASELINE = "xapian"  # the plain-Xapian baseline's column (relevance-baseline)


def run_baseline(bin_dir: Path, work: Path, name: str, jsonl: Path, queries: dict, limit: int) -> dict:
    """Plain Xapian (plain_xapian_baseline.cc) on the same documents and query words."""
    qfile = work / f"{name}.queries.jsonl"
    with qfile.open("w", encoding="utf-8") as f:
        for qid, text in queries.items():
            f.write(json.dumps({"qid": qid, "query": neutralise(text)}) + "\n")
    t0 = time.monotonic()
    proc = subprocess.run([str(bin_dir / "relevance-baseline"), str(jsonl), str(qfile), str(limit)],
                          capture_output=True, text=True)
    took = time.monotonic() - t0
    if proc.returncode != 0:
        return {"rankings": {}, "errors": {q: f"relevance-baseline failed: {proc.stderr[:300]}" for q in queries},
                "zero_results": [], "seconds": took, "rc": proc.returncode, "extra_lines": 0,
                "stderr": proc.stderr[:2000], "estimated_totals": {}}
    rankings = json.loads(proc.stdout)
    return {"rankings": rankings, "errors": {}, "zero_results": [q for q, r in rankings.items() if not r],
            "seconds": took, "rc": 0, "extra_lines": 0, "stderr": "", "estimated_totals": {}}


FTS5_PEER = "fts5"  # SQLite FTS5's column (--fts5)


def fts5_available() -> bool:
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(a)")
        return True
    except sqlite3.OperationalError:
        return False


def run_fts5(work: Path, name: str, jsonl: Path, queries: dict, limit: int) -> dict:
    """SQLite FTS5 as its documentation shows it: title and body columns, the porter stemmer
    over unicode61, the query words OR'ed, ranked by bm25() with its default weights."""
    db_path = work / f"{name}.fts5.sqlite"
    if db_path.exists():
        db_path.unlink()
    con = sqlite3.connect(str(db_path))
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, "
                "tokenize = 'porter unicode61')")
    with jsonl.open(encoding="utf-8") as f:
        con.executemany("INSERT INTO docs VALUES (?, ?, ?)",
                        ((r["id"], r.get("title", ""), r.get("body", ""))
                         for r in map(json.loads, f)))
    con.commit()
    t0 = time.monotonic()
    rankings = {}
    for qid, text in queries.items():
        words = neutralise(text).split()
        if not words:
            rankings[qid] = []
            continue
        match = " OR ".join('"%s"' % w for w in words)
        rows = con.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?",
                           (match, limit)).fetchall()
        rankings[qid] = [r[0] for r in rows]
    took = time.monotonic() - t0
    con.close()
    return {"rankings": rankings, "errors": {}, "zero_results": [q for q, r in rankings.items() if not r],
            "seconds": took, "rc": 0, "extra_lines": 0, "stderr": "", "estimated_totals": {}}


def cross_check(bin_dir: Path, rankings: dict, qrels: dict, per_query: dict) -> str:
    """Scores the run again with the C++ metrics module; "" when both agree on every query."""
    tool = bin_dir / "relevance-metrics"
    if not os.access(tool, os.X_OK):
        return ""
    payload = json.dumps({"run": rankings, "qrels": qrels})
    proc = subprocess.run([str(tool)], input=payload, capture_output=True, text=True)
    if proc.returncode != 0:
        return f"relevance-metrics failed: {proc.stderr[:300]}"
    cpp = json.loads(proc.stdout)
    if set(cpp) != set(per_query):
        return f"C++ scored queries {sorted(set(cpp) ^ set(per_query))[:5]} differently"
    for qid, scores in per_query.items():
        for key, value in scores.items():
            if abs(cpp[qid][key] - value) > 1e-9:
                return f"query {qid} {key}: Python {value} vs C++ {cpp[qid][key]}"
    return ""


def parse_variants(selected: str, defined: list) -> dict:
    table = dict(BUILTIN_VARIANTS)
    for spec in defined:
        if "=" not in spec:
            raise SystemExit(f"--variant {spec!r}: expected NAME=ARGS")
        name, args = spec.split("=", 1)
        table[name.strip()] = shlex.split(args)
    names = [v.strip() for v in selected.split(",") if v.strip()]
    for spec in defined:  # a defined variant is run even when --variants does not name it
        name = spec.split("=", 1)[0].strip()
        if name not in names:
            names.append(name)
    unknown = [n for n in names if n not in table]
    if unknown:
        raise SystemExit(f"unknown variant(s) {unknown}; known: {sorted(table)} (define more with --variant NAME=ARGS)")
    return {n: table[n] for n in names}


def fmt(x: float) -> str:
    return f"{x:.4f}"


def markdown_table(report: dict, variants: list) -> str:
    head = ["collection", "docs", "queries"]
    for v in variants:
        head += [f"{v} MAP", f"{v} P@10", f"{v} nDCG@10"]
    head += ["errors"]
    rows = [head, ["---"] * 3 + ["---:"] * (3 * len(variants)) + ["---:"]]
    for name, c in report["collections"].items():
        row = [name, str(c["docs_indexed"] if c["docs_indexed"] is not None else "?"), str(c["judged_queries"])]
        errs = []
        for v in variants:
            r = c["variants"][v]
            row += [fmt(r["map"]), fmt(r[f"p@{K}"]), fmt(r[f"ndcg@{K}"])]
            errs.append(str(len(r["errors"])))
        row.append("/".join(errs))
        rows.append(row)
    mean = report["mean"]
    row = [f"**mean ({len(report['collections'])})**", "", ""]
    for v in variants:
        row += [f"**{fmt(mean[v]['map'])}**", f"**{fmt(mean[v][f'p@{K}'])}**", f"**{fmt(mean[v][f'ndcg@{K}'])}**"]
    row.append("/".join(str(mean[v]["errors"]) for v in variants))
    rows.append(row)
    return "\n".join("| " + " | ".join(r) + " |" for r in rows)


def run(args) -> int:
    t_start = time.monotonic()
    variants = parse_variants(args.variants, args.variant)
    if args.baseline and os.access(Path(args.gazette_bin) / "relevance-baseline", os.X_OK):
        variants = {BASELINE: [], **variants}
    if args.fts5:
        if not fts5_available():
            raise SystemExit("--fts5: this Python's sqlite3 has no FTS5")
        variants = {FTS5_PEER: [], **variants}
    names = [c.strip() for c in args.collections.split(",") if c.strip()]
    bin_dir = Path(args.gazette_bin)
    for tool in ("gazette-index", "gazette-search"):
        if not os.access(bin_dir / tool, os.X_OK):
            raise SystemExit(f"{bin_dir / tool} not found or not executable (see --gazette-bin)")
    root = irc.default_corpus_root() if args.corpus is None else Path(args.corpus)
    if not root.is_dir():
        raise SystemExit(f"corpus folder {root} not found (set GAZETTE_SHARED to the shared/ folder)")

    tmp_ctx = tempfile.TemporaryDirectory(prefix="gazette-relevance-") if not args.workdir else None
    work = Path(args.workdir or tmp_ctx.name)
    work.mkdir(parents=True, exist_ok=True)
    report = {"corpus": str(root), "gazette_bin": str(bin_dir), "limit": args.limit,
              "variants": variants, "collections": {}}
    problems = []
    try:
        for name in names:
            coll = irc.load(name, root)
            st = coll.stats()
            validation = irc.validate(coll)
            for p in validation:
                problems.append(f"{name}: collection check: {p}")
            jsonl = work / f"{name}.jsonl"
            db = work / f"{name}.db"
            if db.exists():
                shutil.rmtree(db)  # a --workdir from an earlier run: start afresh
            written, empty = write_jsonl(coll.docs, jsonl)
            idx = index(bin_dir, db, jsonl)
            log(f"{name}: {written} docs written ({len(empty)} empty skipped), "
                f"indexed in {idx['seconds']:.1f}s: {idx['summary'].splitlines()[0] if idx['summary'] else idx['stderr'][:200]}")
            if not idx["ok"]:
                problems.append(f"{name}: gazette-index failed (exit {idx['rc']}): {idx['stderr'][:500]}")
            if idx["rejected"]:
                problems.append(f"{name}: gazette-index rejected {idx['rejected']} records: {idx['stderr'][:1000]}")
            if idx["ok"] and idx["indexed"] is None:
                problems.append(f"{name}: could not read the document count from gazette-index's summary: "
                                f"{idx['summary'][:300]!r}")
            if idx["indexed"] is not None and idx["indexed"] != written:
                problems.append(f"{name}: wrote {written} records but the database holds {idx['indexed']}")
            entry = {
                "docs": st["docs"], "docs_indexed": idx["indexed"],
                "empty_docs_skipped": empty, "rejected": idx["rejected"], "index": idx,
                "queries": st["queries"], "judged_queries": st["judged"], "notes": coll.notes,
                "validation": validation, "variants": {},
            }
            for vname, vargs in variants.items():
                if vname == BASELINE:
                    res = run_baseline(bin_dir, work, name, jsonl, coll.queries, args.limit)
                elif vname == FTS5_PEER:
                    res = run_fts5(work, name, jsonl, coll.queries, args.limit)
                elif idx["ok"]:
                    res = search(bin_dir, db, vargs, coll.queries, args.limit)
                else:
                    res = {"rankings": {}, "errors": {q: "index failed" for q in coll.queries},
                           "zero_results": [], "seconds": 0.0, "rc": None, "extra_lines": 0,
                           "stderr": "", "estimated_totals": {}}
                ev = metrics.evaluate(res["rankings"], coll.qrels, K)
                mismatch = cross_check(bin_dir, res["rankings"], coll.qrels, ev["per_query"])
                if mismatch:
                    problems.append(f"{name}/{vname}: Python and C++ metrics disagree: {mismatch}")
                judged_errors = [q for q in res["errors"] if q in ev["per_query"]]
                judged_zero = [q for q in res["zero_results"] if q in ev["per_query"]]
                entry["variants"][vname] = {
                    "map": ev["map"], f"p@{K}": ev[f"p@{K}"], f"ndcg@{K}": ev[f"ndcg@{K}"],
                    "scored_queries": ev["queries"], "errors": res["errors"],
                    "errors_on_judged": judged_errors, "zero_results": res["zero_results"],
                    "zero_results_on_judged": judged_zero, "seconds": res["seconds"],
                    "search_rc": res["rc"], "per_query": ev["per_query"],
                    "retrieved": {q: len(r) for q, r in res["rankings"].items()},
                }
                if res["errors"]:
                    problems.append(f"{name}/{vname}: {len(res['errors'])} of {len(coll.queries)} queries failed; "
                                    f"first: {next(iter(res['errors'].items()))}")
                if res["rc"] not in (0, None):
                    problems.append(f"{name}/{vname}: gazette-search exited {res['rc']}: {res['stderr'][:300]}")
                if res["extra_lines"]:
                    problems.append(f"{name}/{vname}: {res['extra_lines']} more answer lines than queries")
                log(f"{name}/{vname}: MAP {fmt(ev['map'])} P@10 {fmt(ev['p@10'])} nDCG@10 {fmt(ev['ndcg@10'])} "
                    f"({ev['queries']} judged queries, {len(res['errors'])} errors, "
                    f"{len(judged_zero)} with no results; {res['seconds']:.1f}s)")
            report["collections"][name] = entry
    finally:
        if tmp_ctx is not None:
            tmp_ctx.cleanup()

    report["mean"] = {}
    for v in variants:
        cs = [c["variants"][v] for c in report["collections"].values()]
        n = len(cs)
        report["mean"][v] = {
            "map": sum(c["map"] for c in cs) / n if n else 0.0,
            f"p@{K}": sum(c[f"p@{K}"] for c in cs) / n if n else 0.0,
            f"ndcg@{K}": sum(c[f"ndcg@{K}"] for c in cs) / n if n else 0.0,
            "errors": sum(len(c["errors"]) for c in cs),
            "zero_results_on_judged": sum(len(c["zero_results_on_judged"]) for c in cs),
        }
    report["problems"] = problems
    report["elapsed_seconds"] = time.monotonic() - t_start

    table = markdown_table(report, list(variants))
    print(table)
    print()
    print(f"MAP over queries with at least one relevant document; P@{K} and nDCG@{K} likewise; "
          f"mean = unweighted mean over collections. errors = failed queries per variant "
          f"(each scores 0). Limit {args.limit} results per query.")
    zero = ", ".join(f"{v}: {report['mean'][v]['zero_results_on_judged']}" for v in variants)
    print(f"Judged queries with no results: {zero}.")
    if problems:
        print("\nProblems:")
        for p in problems:
            print(f"- {p}")
    else:
        print("No query errors, no rejected documents.")
    print(f"\nElapsed: {report['elapsed_seconds']:.1f}s")

    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, sort_keys=False) + "\n")
        log(f"wrote {args.json}")
    return 1 if problems else 0


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Relevance benchmark for Gazette on the classic IR test collections.")
    ap.add_argument("--collections", default=",".join(irc.ALL_COLLECTIONS),
                    help=f"comma-separated, default: {','.join(irc.ALL_COLLECTIONS)}")
    ap.add_argument("--variants", default="or,and",
                    help=f"comma-separated variant names (built in: {', '.join(BUILTIN_VARIANTS)}); default or,and")
    ap.add_argument("--variant", action="append", default=[], metavar="NAME=ARGS",
                    help="define (and run) a variant: extra gazette-search arguments, "
                         "e.g. 'and-fr=--default-op and --lang fr'; repeatable")
    ap.add_argument("--no-baseline", dest="baseline", action="store_false",
                    help=f"leave out the plain-Xapian baseline (column {BASELINE!r}, relevance-baseline)")
    ap.add_argument("--fts5", action="store_true",
                    help=f"add SQLite FTS5 as a peer (column {FTS5_PEER!r}; bm25(), OR, porter stemmer)")
    ap.add_argument("--gazette-bin", default=str(REPO_ROOT / "build" / "bin"),
                    help="folder holding gazette-index and gazette-search (default: repo_root/build/bin)")
    ap.add_argument("--corpus", default=None,
                    help="ir-test-collections folder (default: $GAZETTE_SHARED or repo_root/../shared, "
                         "+ corpora/ir-test-collections)")
    ap.add_argument("--limit", type=int, default=1000, help="results per query (default 1000)")
    ap.add_argument("--json", metavar="OUT", help="also write the full report (per-query scores) as JSON")
    ap.add_argument("--workdir", help="keep the JSONL files and databases here instead of a temporary folder")
    args = ap.parse_args(argv)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
