#!/usr/bin/env bash
# End to end: the real gazette-index and gazette-search on the bundled corpus plus
# Reuters-21578 and BBC News from ../shared. Usage: foundation_test.sh BIN_DIR SRC_DIR SHARED_DIR
set -uo pipefail

BIN=$1
SRC=$2
SHARED=$3
INDEX="$BIN/gazette-index"
SEARCH="$BIN/gazette-search"
REUTERS="$SHARED/corpora/reuters21578"
BBC="$SHARED/corpora/bbc-news/bbc"
SEED_ID="firstpost:2025-02-12-trump-putin-ukraine-negotiations"

WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$WORK"' EXIT
DB="$WORK/news.db"
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
holds() { sed -n 's/^database .* holds \([0-9,]*\) articles.*$/\1/p' "$1" | tr -d ,; }

for need in "$REUTERS/reut2-000.sgm" "$BBC/business/001.txt"; do
    [ -f "$need" ] || { echo "FAIL: shared corpus missing: $need"; exit 1; }
done

# --- Index the bundled corpus, Reuters (SGML) and BBC (text) -------------------------------
"$INDEX" --db "$DB" "$SRC/corpus/seed" "$SRC/corpus/samples" >"$WORK/corpus.out" 2>"$WORK/corpus.err"
check "corpus indexes cleanly (exit 0)" test $? -eq 0
corpus_count=$(holds "$WORK/corpus.out")
check "corpus holds the seed, 40 samples and 4 text files ($corpus_count)" test "$corpus_count" = 45

"$INDEX" --db "$DB" "$REUTERS"/reut2-*.sgm >"$WORK/reuters.out" 2>"$WORK/reuters.err"
check "Reuters exits 3: one record has no text" test $? -eq 3
check "the empty Reuters record is named with file, line and NEWID" \
    grep -q 'reut2-012.sgm:25983 (NEWID 12793): no "title" and no "body"' "$WORK/reuters.err"
check "Reuters summary counts 21,577 indexed and 1 rejected" \
    grep -q '^indexed 21,577 articles (21,577 added, 0 replaced), rejected 1,' "$WORK/reuters.out"

"$INDEX" --db "$DB" --source BBC --exclude 'README*' "$BBC" >"$WORK/bbc.out" 2>"$WORK/bbc.err"
check "BBC indexes (exit 0)" test $? -eq 0
check "BBC's one Latin-1 file is decoded with a warning" grep -q 'sport/199.txt: not UTF-8' "$WORK/bbc.err"
total=$(holds "$WORK/bbc.out")
check "database holds 45 + 21,577 + 2,225 articles ($total)" test "$total" = 23847

# --- Ranking and the query language ------------------------------------------------------
"$SEARCH" --db "$DB" --json Ukraine negotiations Witkoff >"$WORK/q1.json"
check "search exits 0" test $? -eq 0
check "'Ukraine negotiations Witkoff' ranks the seed article first" \
    test "$(json 'j["results"][0]["id"]' "$WORK/q1.json")" = "$SEED_ID"
check "the snippet highlights matched terms" \
    test "$(json '"<mark>" in j["results"][0]["snippet"]' "$WORK/q1.json")" = True
check "JSON has every documented key" test "$(json 'sorted(j.keys())' "$WORK/q1.json")" = \
    "['estimated_total', 'parsed', 'query', 'results', 'sort', 'took_ms', 'total_lower_bound', 'total_upper_bound']"

"$SEARCH" --db "$DB" --json --limit 50 'title:putin' >"$WORK/q2.json"
check "title:putin finds the seed" test "$(json "'$SEED_ID' in [r['id'] for r in j['results']]" "$WORK/q2.json")" = True
check "title:putin only returns headlines with putin" \
    test "$(json "all('putin' in r['title'].lower() for r in j['results'])" "$WORK/q2.json")" = True

"$SEARCH" --db "$DB" --json --limit 100 'Ukraine negotiations Witkoff date:..2024-12-31' >"$WORK/q3.json"
check "a date range ending in 2024 excludes the seed" \
    test "$(json "'$SEED_ID' in [r['id'] for r in j['results']]" "$WORK/q3.json")" = False
check "a date range ending in 2024 still finds older matches" test "$(json 'len(j["results"]) > 0' "$WORK/q3.json")" = True
check "every result of the range is dated 2024 or earlier" \
    test "$(json 'all(r["date"] and r["date"][:10] <= "2024-12-31" for r in j["results"])' "$WORK/q3.json")" = True

"$SEARCH" --db "$DB" --json --limit 1000 'cocoa date:1987-03-01..1987-03-31 source:reuters' >"$WORK/q4.json"
check "Reuters March 1987 cocoa: all results inside the range" \
    test "$(json 'len(j["results"]) > 5 and all("1987-03-01" <= r["date"][:10] <= "1987-03-31" and r["source"] == "Reuters" for r in j["results"])' "$WORK/q4.json")" = True

"$SEARCH" --db "$DB" --json --limit 1000 'section:business source:bbc' >"$WORK/q5.json"
check "BBC section (from the folder) filters: all 510 business articles" \
    test "$(json 'len(j["results"]) == j["estimated_total"] == 510' "$WORK/q5.json")" = True

# --- Re-indexing replaces, never duplicates ------------------------------------------------
"$INDEX" --db "$DB" "$SRC/corpus/seed" "$SRC/corpus/samples" >"$WORK/again.out" 2>&1
check "indexing the corpus again replaces all 45" grep -q '^indexed 45 articles (0 added, 45 replaced)' "$WORK/again.out"
check "indexing again leaves the same count" test "$(holds "$WORK/again.out")" = 23847

# --- Bad input: broken JSON Lines, compressed input ----------------------------------------
{
    echo '{"id":"good-1","title":"Harbour cranes return","body":"The cranes are back."}'
    echo '{"id":"bad-json", "title": '
    echo '{"title":"no id here"}'
    echo '{"id":"good-2","title":"Ferry timetable changes","date":"2025-06-01"}'
    echo '{"id":"bad-date","title":"x","date":"June 1st"}'
    printf '{"id":"bad-utf8","title":"caf\xe9"}\n'
    echo '{"id":"good-3","body":"Only a body."}'
} >"$WORK/broken.jsonl"
gzip -c "$WORK/broken.jsonl" >"$WORK/broken-copy.jsonl.gz"
"$INDEX" --db "$WORK/broken.db" "$WORK/broken.jsonl" >"$WORK/broken.out" 2>"$WORK/broken.err"
check "broken JSON Lines exits 3" test $? -eq 3
check "the good lines are indexed" grep -q '^indexed 3 articles (3 added, 0 replaced), rejected 4,' "$WORK/broken.out"
for line in 2 3 5 6; do
    check "bad line $line is reported by number" grep -q "broken.jsonl:$line: " "$WORK/broken.err"
done
check "reports are one line each" test "$(wc -l <"$WORK/broken.err")" -eq 4
"$INDEX" --db "$WORK/broken.db" "$WORK/broken-copy.jsonl.gz" >"$WORK/gz.out" 2>"$WORK/gz.err"
check "gzip input reads the same records (replacing them)" \
    grep -q '^indexed 3 articles (0 added, 3 replaced), rejected 4,' "$WORK/gz.out"
head -c 60 "$WORK/broken-copy.jsonl.gz" >"$WORK/cut.jsonl.gz"
"$INDEX" --db "$WORK/broken.db" "$WORK/cut.jsonl.gz" >/dev/null 2>"$WORK/cut.err"
check "a truncated gzip file is reported by name" grep -q 'cut.jsonl.gz.*truncated' "$WORK/cut.err"
echo '{"id":"stdin-1","title":"From a pipe"}' | "$INDEX" --db "$WORK/broken.db" - >"$WORK/stdin.out" 2>&1
check "- reads JSON Lines from stdin" grep -q '^indexed 1 articles (1 added' "$WORK/stdin.out"

# --- Batch queries: one answer per line, errors in place -----------------------------------
printf 'cocoa\ndate:1987-99..\n{"query": "grain", "limit": 3}\n' |
    "$SEARCH" --db "$DB" --jsonl >"$WORK/batch.jsonl"
check "--jsonl answers every line" test "$(wc -l <"$WORK/batch.jsonl")" -eq 3
check "--jsonl keeps the failing query's error on its own line" \
    test "$(sed -n 2p "$WORK/batch.jsonl" | python3 -c 'import json,sys; print("error" in json.load(sys.stdin))')" = True
check "--jsonl honours per-line limits" \
    test "$(sed -n 3p "$WORK/batch.jsonl" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["results"]))')" = 3
printf 'cocoa\n{"query": x}\n{"limit": 3}\n[1]\n' |
    "$SEARCH" --db "$DB" --jsonl >"$WORK/bad-lines.jsonl" 2>"$WORK/bad-lines.err"
check "--jsonl with bad lines still exits 0" test $? -eq 0
check "--jsonl answers every line, bad ones in place" test "$(wc -l <"$WORK/bad-lines.jsonl")" -eq 4
check "--jsonl says where a line's JSON breaks" \
    grep -q '"error":"not valid JSON: parse error at line 1, column 11' "$WORK/bad-lines.jsonl"
check "--jsonl names a bad line by number on stderr" \
    grep -q -- '--jsonl line 2: not valid JSON' "$WORK/bad-lines.err"
check "--jsonl names a line without a query" grep -q -- '--jsonl line 3: "query" is missing' "$WORK/bad-lines.err"
check "--jsonl counts the failed lines" grep -q '2 of 4 --jsonl lines failed' "$WORK/bad-lines.err"

# --- Errors and exit statuses ----------------------------------------------------------------
"$SEARCH" --db "$WORK/no-such.db" cocoa >/dev/null 2>"$WORK/missing.err"
check "a missing database exits 1" test $? -eq 1
check "a missing database is named" grep -q 'no-such.db' "$WORK/missing.err"
"$SEARCH" --db "$DB" 'date:2024-13..' >"$WORK/syntax.out" 2>"$WORK/syntax.err"
check "a query syntax error exits 2" test $? -eq 2
check "a query syntax error prints no results" test ! -s "$WORK/syntax.out"
"$SEARCH" --db "$DB" --limit 5000 cocoa >/dev/null 2>&1
check "a limit above the maximum exits 2" test $? -eq 2
GAZETTE_DB="$DB" "$SEARCH" --json cocoa >"$WORK/env.json"
check "GAZETTE_DB stands in for --db" test "$(json 'len(j["results"])' "$WORK/env.json")" = 10
printf 'limit = 2\n' >"$WORK/search.conf"
"$SEARCH" --db "$DB" --config "$WORK/search.conf" --json cocoa >"$WORK/conf.json"
check "--config supplies options" test "$(json 'len(j["results"])' "$WORK/conf.json")" = 2

# A writer that holds the lock while it waits for stdin; a second writer must say so.
mkfifo "$WORK/fifo"
"$INDEX" --db "$WORK/broken.db" - <"$WORK/fifo" >/dev/null 2>&1 &
exec 3>"$WORK/fifo"
sleep 1
"$INDEX" --db "$WORK/broken.db" "$WORK/broken.jsonl" >/dev/null 2>"$WORK/lock.err"
check "a second writer exits 1" test $? -eq 1
check "a second writer is told the database is locked" grep -q 'locked by another writer' "$WORK/lock.err"
exec 3>&-
wait

"$INDEX" --help >"$WORK/help.txt"
check "--help lists options with examples" grep -q 'Examples:' "$WORK/help.txt"
check "--version names the program" "$SEARCH" --version

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
