#!/usr/bin/env bash
# End to end: the real gazette-index and gazette-search on HTML pages (the 100 French
# Wikinews pages from ../shared), on a small .warc.gz this script writes, with one
# damaged gzip member, and on files whose format only their content tells. Usage: formats_test.sh BIN_DIR SRC_DIR SHARED_DIR
set -uo pipefail

BIN=$1
SRC=$2
SHARED=$3
INDEX="$BIN/gazette-index"
SEARCH="$BIN/gazette-search"
WIKINEWS="$SHARED/corpora/wikinews-fr-100/WikinewsKeyphraseCorpus-master/documents"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0
passes=0

pass() { passes=$((passes + 1)); echo "ok: $1"; }
fail() { failures=$((failures + 1)); echo "FAIL: $1"; }
check() {  # check DESCRIPTION COMMAND...: passes when the command succeeds
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}
# json EXPR FILE: evaluates a Python expression over the JSON object `j` read from FILE.
json() { python3 -c "import json,sys; j=json.load(open(sys.argv[2])); print($1)" "$1" "$2"; }

[ -f "$WIKINEWS/43971.html" ] || { echo "FAIL: shared corpus missing: $WIKINEWS"; exit 1; }

# --- HTML: French Wikinews ------------------------------------------------------------------
DB="$WORK/html.db"
"$INDEX" --db "$DB" --source Wikinews "$WIKINEWS" >"$WORK/html.out" 2>"$WORK/html.err"
check "Wikinews HTML indexes cleanly (exit 0)" test $? -eq 0
check "all 100 pages become articles, none rejected" \
    grep -q '^indexed 100 articles (100 added, 0 replaced), rejected 0, warnings 0,' "$WORK/html.out"

# "fusées" only matches "fusée" through the French stemmer: the pages were indexed as French.
"$SEARCH" --db "$DB" --lang fr --json --limit 100 'fusées lanceur' >"$WORK/fr.json"
check "French search exits 0" test $? -eq 0
check "'fusées lanceur' ranks the SpaceX launch page first" \
    test "$(json 'j["results"][0]["id"]' "$WORK/fr.json")" = 43971.html
check "its headline and dateline date come back" \
    test "$(json 'j["results"][0]["title"] + "|" + j["results"][0]["date"][:10]' "$WORK/fr.json")" = \
    "États-Unis : Lancement réussi pour Space X Dragon|2012-05-22"
"$SEARCH" --db "$DB" --lang fr --json --limit 100 'premier date:2012' >"$WORK/soft.json"
check "soft-hyphenated pre(U+00AD)mier is found as 'premier', and dates are in 2012" \
    test "$(json '"43971.html" in [r["id"] for r in j["results"]] and all(r["date"].startswith("2012") for r in j["results"])' "$WORK/soft.json")" = True
"$SEARCH" --db "$DB" --json --limit 100 'date:..2011' >"$WORK/old.json"
check "no page is dated before 2012" test "$(json 'len(j["results"])' "$WORK/old.json")" = 0

# --- WARC: a crawl with every kind of record and one damaged gzip member -------------------
python3 - "$WORK/crawl.warc.gz" <<'PY'
import gzip, sys

def record(kind, uri, block, ctype="application/http; msgtype=response", date="2024-05-06T07:08:09Z"):
    block = block.encode() if isinstance(block, str) else block
    head = f"WARC/1.0\r\nWARC-Type: {kind}\r\n"
    if uri:
        head += f"WARC-Target-URI: {uri}\r\n"
    head += f"WARC-Date: {date}\r\nContent-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"

def http(ctype, body, status=200):
    body = body.encode() if isinstance(body, str) else body
    return f"HTTP/1.1 {status} OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body

def page(title, words, date=None):
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (f"<html lang=en><head><title>{title}</title>{meta}</head><body><nav>Home Sport</nav>"
            f"<article><p>{words}</p></article></body></html>")

records = [
    record("warcinfo", None, "software: formats_test\r\n", "application/warc-fields"),
    record("request", "https://crawl.example/harbour", "GET /harbour HTTP/1.1\r\n\r\n", "application/http; msgtype=request"),
    record("response", "https://crawl.example/harbour",
           http("text/html; charset=utf-8", page("Harbour cranes return", "The zanzibarian cranes are back at the harbour.", "2023-09-10T12:00:00Z"))),
    record("response", "https://crawl.example/lost", http("text/html", page("Lost page", "This record's gzip member is damaged."))),
    record("metadata", "https://crawl.example/harbour", "outlinks: none\r\n", "application/warc-fields"),
    record("response", "https://crawl.example/logo.png", http("image/png", b"\x89PNG\r\n\x1a\n....")),
    record("response", "https://crawl.example/ferry", http("text/html", page("Ferry timetable changes", "The quokkaferry leaves at noon."))),
]
members = [gzip.compress(r) for r in records]
damaged = bytearray(members[3])
for i in range(20, len(damaged) - 20, 5):
    damaged[i] ^= 0x5A
members[3] = bytes(damaged)
open(sys.argv[1], "wb").write(b"".join(members))
PY
"$INDEX" --db "$WORK/warc.db" "$WORK/crawl.warc.gz" >"$WORK/warc.out" 2>"$WORK/warc.err"
check "a crawl with a damaged member exits 3" test $? -eq 3
check "WARC summary: 2 articles, 1 rejected, 4 records skipped" \
    grep -q '^indexed 2 articles (2 added, 0 replaced), rejected 1, .* 4 records skipped (not articles);' "$WORK/warc.out"
check "the damaged member is named by file and byte offset" \
    grep -q 'rejected .*crawl.warc.gz@[0-9]*: damaged gzip member' "$WORK/warc.err"
check "skipped records are counted, not printed" test "$(wc -l <"$WORK/warc.err")" -eq 1
"$SEARCH" --db "$WORK/warc.db" --json zanzibarian >"$WORK/w1.json"
check "a WARC page is found by a word of its body, under its target URI and own date" \
    test "$(json 'j["results"][0]["id"] + "|" + j["results"][0]["date"][:10]' "$WORK/w1.json")" = \
    "https://crawl.example/harbour|2023-09-10"
"$SEARCH" --db "$WORK/warc.db" --json quokkaferry >"$WORK/w2.json"
check "the record after the damaged member survives, dated from WARC-Date" \
    test "$(json 'j["results"][0]["id"] + "|" + j["results"][0]["date"][:10]' "$WORK/w2.json")" = \
    "https://crawl.example/ferry|2024-05-06"
"$SEARCH" --db "$WORK/warc.db" --json Home Sport >"$WORK/w3.json"
check "navigation text is not indexed" test "$(json 'len(j["results"])' "$WORK/w3.json")" = 0

# --- Content detection: files whose name says text or nothing ------------------------------
mkdir -p "$WORK/sniff"
printf '%s\n' '{"id":"sniff:1","title":"Cormorant census","body":"Cormorants counted."}' \
    '{"id":"sniff:2","title":"Heron census","body":"Herons counted."}' >"$WORK/sniff/export.txt"
cp "$WIKINEWS/43971.html" "$WORK/sniff/43971"            # an HTML page without an extension
printf 'Notes\n\nabout this folder\n' >"$WORK/sniff/NOTES"  # nothing we read: skipped
"$INDEX" --db "$WORK/sniff.db" "$WORK/sniff" >"$WORK/sniff.out" 2>"$WORK/sniff.err"
check "sniffed folder: exit 0" test $? -eq 0
check "a .txt of JSON Lines gives 2 articles, the page 1, NOTES is skipped" \
    grep -q '^indexed 3 articles (3 added, 0 replaced), rejected 0, .* 1 skipped,' "$WORK/sniff.out"
check "the skipped file is named" grep -q 'skipped .*/sniff/NOTES: not a format' "$WORK/sniff.err"
"$SEARCH" --db "$WORK/sniff.db" --json 'id:sniff:2' >"$WORK/s1.json"
check "a JSON Lines record of the .txt keeps its own id and title" \
    test "$(json 'j["results"][0]["title"]' "$WORK/s1.json")" = "Heron census"
"$SEARCH" --db "$WORK/sniff.db" --lang fr --json 'fusées lanceur' >"$WORK/s2.json"
check "the page without an extension was read as HTML (its headline, not its markup)" \
    test "$(json 'j["results"][0]["id"] + "|" + j["results"][0]["title"]' "$WORK/s2.json")" = \
    "43971|États-Unis : Lancement réussi pour Space X Dragon"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
