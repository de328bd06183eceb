#!/usr/bin/env python3
"""Parsers for the classic IR test collections in shared/corpora/ir-test-collections.

Each loader returns a Collection: docs (list of {"id", "title", "body"}), queries
({qid: text}) and qrels ({qid: {docid: grade}}, grade > 0 means relevant). Ids are
strings without leading zeros, so document ids match the ids used in the qrels.

The eight collections use four different layouts, and several have quirks that the
loaders correct (each is recorded in Collection.notes so that a run can report it):

* TIME: TIME.REL names documents by their position in the original 425-document
  file, not by the *TEXT number. This copy has 423 documents; positions 1..370 are
  the 1st..370th document here and 378..425 the 376th..423rd (see the corpus's
  SOURCE.txt). Document ids here are the *TEXT numbers; judged positions are mapped.
* CRAN: the .I numbers in cran.qry run 1, 2, 4, 8, 9, ... 365, but cran.qrels numbers
  the queries 1..225 in file order; queries are renumbered by position. Grades are
  Cleverdon's codes (1 = complete answer .. 4 = minimum interest) plus one code -1 per
  query, which marks the source document the question was written from (it is the
  closest match to every question checked). Gain: 5 - code for codes 1..4 (so 4..1),
  and 4 for -1. Documents 471 and 995 are empty (no title, no abstract).
* LISA: the document files are concatenated; documents 1993..1997 are missing
  (document 1992 runs into the tail of another abstract) and 1998..2001 occur twice
  with identical text; the first copy is kept, and a text fragment with no
  "Document N" header is dropped. LISA.REL is damaged after query 21 (the rest of
  query 21 and queries 22 and 23 are lost), so the judgements come from LISARJ.NUM,
  which agrees with LISA.REL everywhere else.
* CACM: 64 queries, 52 of them judged. CISI: 112 queries, 76 judged.

Run as a script to parse every collection, validate the counts and print them:
    python3 tests/bench/relevance/ir_collections.py [--collections time,cran]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ALL_COLLECTIONS = ["time", "cacm", "cisi", "cran", "med", "npl", "lisa", "adi"]

# Expected sizes: documents after parsing (unique ids, including empty ones), queries,
# queries with at least one relevant document, and relevant (query, doc) pairs.
EXPECTED = {
    "time": dict(docs=423, queries=83, judged=83, pairs=324),
    "cacm": dict(docs=3204, queries=64, judged=52, pairs=796),
    "cisi": dict(docs=1460, queries=112, judged=76, pairs=3114),
    "cran": dict(docs=1400, queries=225, judged=225, pairs=1837),
    "med": dict(docs=1033, queries=30, judged=30, pairs=696),
    "npl": dict(docs=11429, queries=93, judged=93, pairs=2083),
    "lisa": dict(docs=5999, queries=35, judged=35, pairs=379),
    "adi": dict(docs=82, queries=35, judged=35, pairs=170),
}


@dataclass
class Collection:
    name: str
    docs: list  # [{"id": str, "title": str, "body": str}]
    queries: dict  # {qid: text}
    qrels: dict  # {qid: {docid: grade}}, grades > 0 only
    graded: bool = False  # True when grades carry more than relevant / not relevant
    notes: list = field(default_factory=list)

    def stats(self) -> dict:
        ids = {d["id"] for d in self.docs}
        judged = [q for q, rel in self.qrels.items() if any(g > 0 for g in rel.values())]
        missing = sorted({d for rel in self.qrels.values() for d in rel if d not in ids}, key=_num_key)
        orphan_q = sorted((q for q in self.qrels if q not in self.queries), key=_num_key)
        return {
            "docs": len(self.docs),
            "empty_docs": sum(1 for d in self.docs if not d["title"].strip() and not d["body"].strip()),
            "queries": len(self.queries),
            "judged": len(judged),
            "pairs": sum(len(r) for r in self.qrels.values()),
            "judged_docs_missing": missing,
            "qrels_without_query": orphan_q,
        }


def _num_key(s):
    return (0, int(s), "") if str(s).isdigit() else (1, 0, str(s))


def _norm_id(s: str) -> str:
    s = s.strip()
    return str(int(s)) if s.isdigit() else s


def _read(path: Path) -> str:
    # The files are ASCII in practice; latin-1 never fails and keeps every byte.
    return path.read_bytes().decode("latin-1").replace("\r\n", "\n").replace("\r", "\n")


def _clean(text: str) -> str:
    """Trims each line and drops blank lines at the ends; keeps line structure."""
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def _join(parts) -> str:
    """Joins field segments, skipping exact repeats (ADI doc 67 has its title twice)."""
    out = []
    for p in parts:
        p = _clean(p)
        if p and p not in out:
            out.append(p)
    return "\n".join(out)


# --- SMART format (.I/.T/.W/.A/... markers): CACM, CISI, CRAN, MED, ADI ---------------

_MARKER = re.compile(r"^\.([A-Z])(?:\s+(\S+))?\s*$")


def parse_smart(text: str) -> list:
    """Returns [(id, {field_letter: [segments]})] in file order.

    A marker is a line holding only '.X' (optionally followed by the id for .I). Text on
    the marker line itself is not expected (no collection has it). A repeated field is
    appended as another segment.
    """
    records = []
    cur = None
    fld = None
    buf = []

    def flush():
        if cur is not None and fld is not None:
            cur[1].setdefault(fld, []).append("\n".join(buf))

    for line in text.split("\n"):
        m = _MARKER.match(line)
        if m:
            flush()
            buf = []
            letter, arg = m.group(1), m.group(2)
            if letter == "I":
                if arg is None:
                    raise ValueError(f"'.I' without a number: {line!r}")
                cur = (_norm_id(arg), {})
                records.append(cur)
                fld = None
            else:
                if cur is None:
                    raise ValueError(f"field {line!r} before the first .I")
                fld = letter
            continue
        if fld is not None:
            buf.append(line)
        elif cur is not None and line.strip():
            raise ValueError(f"text outside a field in record {cur[0]}: {line!r}")
    flush()
    return records


def _smart_docs(path: Path, title="T", body=("W",)) -> list:
    docs = []
    seen = set()
    for rid, fields in parse_smart(_read(path)):
        if rid in seen:
            raise ValueError(f"{path}: duplicate document id {rid}")
        seen.add(rid)
        docs.append({
            "id": rid,
            "title": _join(fields.get(title, [])),
            "body": _join(s for f in body for s in fields.get(f, [])),
        })
    return docs


def _smart_queries(path: Path, fields_used=("T", "W"), renumber=False) -> dict:
    queries = {}
    for pos, (rid, fields) in enumerate(parse_smart(_read(path)), start=1):
        qid = str(pos) if renumber else rid
        if qid in queries:
            raise ValueError(f"{path}: duplicate query id {qid}")
        queries[qid] = _join(s for f in fields_used for s in fields.get(f, []))
    return queries


def _qrels_columns(path: Path, q_col=0, d_col=1, grade=None) -> dict:
    """Whitespace-separated judgement lines; every listed pair is relevant (grade 1)
    unless `grade` maps the split line to a grade."""
    qrels = {}
    for line in _read(path).split("\n"):
        cols = line.split()
        if not cols:
            continue
        q, d = _norm_id(cols[q_col]), _norm_id(cols[d_col])
        g = grade(cols) if grade else 1
        qrels.setdefault(q, {})[d] = g
    return qrels


def load_cacm(root: Path) -> Collection:
    d = root / "cacm"
    docs = _smart_docs(d / "cacm.all")  # title .T, abstract .W (1587 of 3204 have one)
    queries = _smart_queries(d / "query.text", fields_used=("W",))
    qrels = _qrels_columns(d / "qrels.text")  # "qid did 0 0"
    return Collection("cacm", docs, queries, qrels,
                      notes=["64 queries, 52 judged; query text is .W (author lists .A left out)"])


def load_cisi(root: Path) -> Collection:
    d = root / "cisi"
    docs = _smart_docs(d / "CISI.ALL")
    # 55 of the 112 queries are papers (.T title + .W abstract); the rest are .W only.
    queries = _smart_queries(d / "CISI.QRY", fields_used=("T", "W"))
    qrels = _qrels_columns(d / "CISI.REL")  # "qid did 0 0.000000"
    return Collection("cisi", docs, queries, qrels,
                      notes=["112 queries, 76 judged; query text is .T + .W"])


def _cran_gain(cols) -> int:
    code = int(cols[2])
    if code == -1:
        return 4  # the source document of the question
    if 1 <= code <= 4:
        return 5 - code
    raise ValueError(f"unexpected Cranfield relevance code {code}")


def load_cran(root: Path) -> Collection:
    d = root / "cran"
    docs = _smart_docs(d / "cran.all.1400")
    queries = _smart_queries(d / "cran.qry", fields_used=("W",), renumber=True)
    qrels = _qrels_columns(d / "cran.qrels", grade=_cran_gain)
    return Collection("cran", docs, queries, qrels, graded=True, notes=[
        "queries renumbered 1..225 by position (cran.qry .I numbers have gaps; qrels use positions)",
        "gain = 5 - Cleverdon code (code 1 -> 4 .. code 4 -> 1); code -1 (source document, one per query) -> 4",
        "documents 471 and 995 are empty",
    ])


def load_med(root: Path) -> Collection:
    d = root / "med"
    docs = _smart_docs(d / "MED.ALL")  # .W only; its first sentence acts as a title
    queries = _smart_queries(d / "MED.QRY", fields_used=("W",))
    qrels = _qrels_columns(d / "MED.REL", q_col=0, d_col=2)  # "qid 0 did 1"
    return Collection("med", docs, queries, qrels, notes=["documents have no separate title"])


def load_adi(root: Path) -> Collection:
    d = root / "adi"
    docs = _smart_docs(d / "ADI.ALL")
    queries = _smart_queries(d / "ADI.QRY", fields_used=("W",))
    qrels = _qrels_columns(d / "ADI.REL")  # "qid did 0 0.000000"
    return Collection("adi", docs, queries, qrels)


# --- TIME: "*TEXT nnn date PAGE nnn" headers, "*FIND n" queries ------------------------

def _time_position_to_index(pos: int) -> int | None:
    """0-based index into this copy's 423 documents for a TIME.REL position (1..425)."""
    if 1 <= pos <= 370:
        return pos - 1
    if 378 <= pos <= 425:
        return pos - 3
    return None  # 371..377: two of these documents are missing; none is judged


def load_time(root: Path) -> Collection:
    d = root / "time"
    docs = []
    cur = None
    for line in _read(d / "TIME.ALL").split("\n"):
        if line.startswith("*TEXT"):
            parts = line.split()
            cur = {"id": _norm_id(parts[1]), "title": "", "lines": []}
            docs.append(cur)
        elif line.startswith("*STOP"):
            cur = None
        elif cur is not None:
            cur["lines"].append(line)
        elif line.strip():
            raise ValueError(f"TIME.ALL: text before the first *TEXT: {line!r}")
    for doc in docs:
        doc["body"] = _clean("\n".join(l for l in doc.pop("lines") if l.strip()))
    if len({doc["id"] for doc in docs}) != len(docs):
        raise ValueError("TIME.ALL: duplicate *TEXT numbers")

    queries = {}
    qid = None
    for line in _read(d / "TIME.QUE").split("\n"):
        if line.startswith("*FIND"):
            qid = _norm_id(line.split()[1])
            queries[qid] = []
        elif line.startswith("*STOP"):
            qid = None
        elif qid is not None and line.strip():
            queries[qid].append(line.strip())
    queries = {q: " ".join(v) for q, v in queries.items()}

    qrels = {}
    for line in _read(d / "TIME.REL").split("\n"):
        cols = line.split()
        if not cols:
            continue
        q = _norm_id(cols[0])
        for p in cols[1:]:
            idx = _time_position_to_index(int(p))
            if idx is None or idx >= len(docs):
                raise ValueError(f"TIME.REL: position {p} cannot be mapped")
            qrels.setdefault(q, {})[docs[idx]["id"]] = 1
    return Collection("time", docs, queries, qrels, notes=[
        "documents have no title; ids are *TEXT numbers",
        "TIME.REL positions mapped: 1..370 -> 1st..370th doc, 378..425 -> 376th..423rd",
    ])


# --- NPL: number line, text, "/" line -----------------------------------------------------

def _slash_records(text: str) -> list:
    """Splits on lines holding only '/'; returns (first line, rest) per record."""
    out = []
    for chunk in re.split(r"\n[ \t]*/[ \t]*(?:\n|$)", text):
        lines = [l for l in chunk.split("\n") if l.strip()]
        if not lines:
            continue
        out.append((lines[0].strip(), lines[1:]))
    return out


def load_npl(root: Path) -> Collection:
    d = root / "npl"
    docs = []
    for rid, lines in _slash_records(_read(d / "doc-text")):
        if not rid.isdigit():
            raise ValueError(f"npl doc-text: record starts with {rid!r}, not a number")
        docs.append({"id": _norm_id(rid), "title": "", "body": _clean("\n".join(lines))})
    queries = {}
    for rid, lines in _slash_records(_read(d / "query-text")):
        if not rid.isdigit():
            raise ValueError(f"npl query-text: record starts with {rid!r}")
        queries[_norm_id(rid)] = " ".join(l.strip() for l in lines)
    qrels = {}
    for rid, lines in _slash_records(_read(d / "rlv-ass")):
        if not rid.isdigit():
            raise ValueError(f"npl rlv-ass: record starts with {rid!r}")
        qrels[_norm_id(rid)] = {_norm_id(x): 1 for l in lines for x in l.split()}
    return Collection("npl", docs, queries, qrels, notes=["documents have no title"])


# --- LISA: "Document N" / title / blank / abstract / "*****" ------------------------------

LISA_FILES = ["LISA0.001", "LISA0.501", "LISA1.001", "LISA1.501", "LISA2.001", "LISA2.501",
              "LISA3.001", "LISA3.501", "LISA4.001", "LISA4.501", "LISA5.001", "LISA5.501",
              "LISA5.627", "LISA5.850"]


def load_lisa(root: Path) -> Collection:
    d = root / "lisa"
    text = "\n".join(_read(d / f) for f in LISA_FILES)
    docs = []
    seen = {}
    duplicates = []
    dropped_fragments = 0
    for chunk in re.split(r"\n\*{10,}[ \t]*(?:\n|$)", text):
        lines = chunk.strip("\n").split("\n")
        if not any(l.strip() for l in lines):
            continue
        m = re.match(r"^Document\s+(\d+)\s*$", lines[0])
        if not m:
            dropped_fragments += 1
            continue
        rid = _norm_id(m.group(1))
        rest = lines[1:]
        # The title runs up to the first blank line; the abstract follows.
        try:
            blank = next(i for i, l in enumerate(rest) if not l.strip())
        except StopIteration:
            blank = len(rest)
        doc = {"id": rid, "title": _clean(" ".join(l.strip() for l in rest[:blank])),
               "body": _clean("\n".join(rest[blank + 1:]))}
        if rid in seen:
            duplicates.append(rid)
            if seen[rid] != doc:
                raise ValueError(f"LISA: document {rid} occurs twice with different text")
            continue
        seen[rid] = doc
        docs.append(doc)

    nums = [int(x) for x in _read(d / "LISARJ.NUM").split()]
    qrels = {}
    i = 0
    while i < len(nums):
        q, n = nums[i], nums[i + 1]
        qrels[str(q)] = {str(x): 1 for x in nums[i + 2:i + 2 + n]}
        if len(qrels[str(q)]) != n:
            raise ValueError(f"LISARJ.NUM: query {q} lists {n} documents, found {len(qrels[str(q)])}")
        i += 2 + n

    queries = {}
    qtext = _read(d / "LISA.QUE")
    for block in qtext.split("#"):
        lines = [l.strip() for l in block.split("\n") if l.strip()]
        if not lines:
            continue
        if not lines[0].isdigit():
            raise ValueError(f"LISA.QUE: query block starts with {lines[0]!r}")
        queries[_norm_id(lines[0])] = " ".join(lines[1:])

    ids = [int(x["id"]) for x in docs]
    absent = sorted(set(range(1, max(ids) + 1)) - set(ids))
    return Collection("lisa", docs, queries, qrels, notes=[
        f"document numbers absent from the files: {_ranges(absent)}",
        f"duplicate documents dropped (identical copies): {', '.join(duplicates) or 'none'}",
        f"headerless text fragments dropped: {dropped_fragments}",
        "judgements from LISARJ.NUM (LISA.REL is damaged around queries 21-23)",
    ])


def _ranges(nums) -> str:
    out = []
    for n in nums:
        if out and out[-1][1] == n - 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return ", ".join(f"{a}..{b}" if a != b else str(a) for a, b in out) or "none"


LOADERS = {
    "time": load_time, "cacm": load_cacm, "cisi": load_cisi, "cran": load_cran,
    "med": load_med, "npl": load_npl, "lisa": load_lisa, "adi": load_adi,
}


def default_corpus_root() -> Path:
    """shared/ is repo_root/../shared unless GAZETTE_SHARED names it."""
    shared = os.environ.get("GAZETTE_SHARED")
    if shared:
        base = Path(shared)
    else:
        repo_root = Path(__file__).resolve().parents[3]
        base = repo_root.parent / "shared"
    return base / "corpora" / "ir-test-collections"


def load(name: str, root: Path | None = None) -> Collection:
    if name not in LOADERS:
        raise KeyError(f"unknown collection {name!r}; known: {', '.join(ALL_COLLECTIONS)}")
    return LOADERS[name](root or default_corpus_root())


def validate(coll: Collection) -> list:
    """Problems found (empty when the collection matches the expected counts)."""
    st = coll.stats()
    exp = EXPECTED.get(coll.name, {})
    problems = [f"{k}: expected {v}, got {st[k]}" for k, v in exp.items() if st[k] != v]
    if st["judged_docs_missing"]:
        problems.append(f"judged documents not in the collection: {st['judged_docs_missing'][:10]}")
    if st["qrels_without_query"]:
        problems.append(f"judged queries without text: {st['qrels_without_query']}")
    empty_q = [q for q, t in coll.queries.items() if not t.strip()]
    if empty_q:
        problems.append(f"empty queries: {empty_q}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--collections", default=",".join(ALL_COLLECTIONS))
    ap.add_argument("--root", type=Path, default=None, help="ir-test-collections folder")
    args = ap.parse_args(argv)
    root = args.root or default_corpus_root()
    bad = 0
    print(f"corpus: {root}")
    print(f"{'coll':5} {'docs':>6} {'empty':>5} {'queries':>7} {'judged':>6} {'pairs':>6}  status")
    for name in args.collections.split(","):
        coll = load(name, root)
        st = coll.stats()
        problems = validate(coll)
        bad += bool(problems)
        print(f"{name:5} {st['docs']:6} {st['empty_docs']:5} {st['queries']:7} {st['judged']:6} "
              f"{st['pairs']:6}  {'ok' if not problems else 'MISMATCH'}")
        for p in problems:
            print(f"      ! {p}")
        for n in coll.notes:
            print(f"      - {n}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
