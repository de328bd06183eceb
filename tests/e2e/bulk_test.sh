#!/usr/bin/env bash
# End to end: parallel, incremental and resumable indexing with the real gazette-index on
# Reuters-21578 from ../shared. Usage: bulk_test.sh BIN_DIR SRC_DIR SHARED_DIR
set -uo pipefail

BIN=$1
SHARED=$3
INDEX="$BIN/gazette-index"
SEARCH="$BIN/gazette-search"
REUTERS="$SHARED/corpora/reuters21578"
WORK=$(mktemp -d)
trap 'pkill -9 -f "gazette-index --db $WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
failures=0
passes=0
pass() { passes=$((passes + 1)); echo "ok: $1"; }
fail() { failures=$((failures + 1)); echo "FAIL: $1"; }
check() {
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}
# The sorted ids of every document (one line per document, so duplicates would show).
ids() { xapian-delve -1 -V1 "$1" | tail -n +2 | cut -d: -f2- | sort; }
results() {  # results DB QUERY: ids and scores of the top 100, as one line
    "$SEARCH" --db "$1" --json --no-snippets --limit 100 "$2" |
        python3 -c 'import json,sys; print([(r["id"], round(r["score"], 9)) for r in json.load(sys.stdin)["results"]])'
}

INPUT="$WORK/input"
mkdir -p "$INPUT"
cp "$REUTERS"/reut2-00[0-5].sgm "$INPUT"/   # 6,000 articles; copies, so the test may touch them

# --- Parallel and single-threaded runs give the same documents and the same results ---------
"$INDEX" --db "$WORK/one.db" --threads 1 -q "$INPUT" >"$WORK/one.out" 2>&1
check "single-threaded run exits 0" test $? -eq 0
"$INDEX" --db "$WORK/two.db" --threads 2 -q "$INPUT" >"$WORK/two.out" 2>&1
check "two-writer run exits 0" test $? -eq 0
"$INDEX" --db "$WORK/four.db" --threads 4 --batch-mb 1 -q "$INPUT" >"$WORK/four.out" 2>&1
check "four writers, small batches, exit 0" test $? -eq 0
check "two writers are reported" grep -q '(2 writers, merged)' "$WORK/two.out"
ids "$WORK/one.db" >"$WORK/one.ids"
check "6,000 distinct ids, none twice" test "$(sort -u "$WORK/one.ids" | wc -l)" -eq 6000 -a "$(wc -l <"$WORK/one.ids")" -eq 6000
for db in two four; do
    ids "$WORK/$db.db" >"$WORK/$db.ids"
    check "$db writers: the same set of documents" cmp -s "$WORK/one.ids" "$WORK/$db.ids"
    for q in cocoa "oil prices" "grain exports" "bank of japan" '"stock split"'; do
        check "$db writers: the same results for $q" test "$(results "$WORK/one.db" "$q")" = "$(results "$WORK/$db.db" "$q")"
    done
done
check "the merged database passes xapian-check" xapian-check "$WORK/two.db"
check "no work folder is left behind" test ! -e "$WORK/two.db.gazette-work"

# --- --update skips unchanged files and picks up a changed one --------------------------------
"$INDEX" --db "$WORK/two.db" --update -q "$INPUT" >"$WORK/update1.out" 2>&1
check "--update with nothing changed reads no file" grep -q 'files 0 read, 6 unchanged' "$WORK/update1.out"
touch "$INPUT/reut2-001.sgm"   # new time, same content: still unchanged (content hash)
"$INDEX" --db "$WORK/two.db" --update -q "$INPUT" >"$WORK/update2.out" 2>&1
check "--update sees through a touched but unchanged file" grep -q 'files 0 read, 6 unchanged' "$WORK/update2.out"
sed -i 's/<TITLE>BAHIA COCOA REVIEW<\/TITLE>/<TITLE>BAHIA COCOA REVIEW ZANZIBARQUARTZ<\/TITLE>/' "$INPUT/reut2-000.sgm"
"$INDEX" --db "$WORK/two.db" --update -q "$INPUT" >"$WORK/update3.out" 2>&1
check "--update re-reads only the changed file" grep -q 'files 1 read, 5 unchanged' "$WORK/update3.out"
check "... replacing its 1,000 articles" grep -q '^indexed 1,000 articles (0 added, 1,000 replaced)' "$WORK/update3.out"
check "the change is searchable" test "$("$SEARCH" --db "$WORK/two.db" --json zanzibarquartz |
    python3 -c 'import json,sys; print([r["id"] for r in json.load(sys.stdin)["results"]])')" = "['reuters:1']"
check "still 6,000 documents" test "$(ids "$WORK/two.db" | wc -l)" -eq 6000

# --- Deletion removes exactly the ids asked for ----------------------------------------------
printf 'reuters:5\n# a comment\n\nreuters:6\nreuters:999999\n' >"$WORK/delete.txt"
"$INDEX" --db "$WORK/two.db" --delete reuters:7 --delete-from "$WORK/delete.txt" >"$WORK/delete.out" 2>"$WORK/delete.err"
check "deleting with one unknown id exits 3" test $? -eq 3
check "three deleted, one not found" grep -q '^deleted 3 articles, 1 ids not found' "$WORK/delete.out"
check "the unknown id is named" grep -q 'reuters:999999: no such article' "$WORK/delete.err"
grep -v -x -e reuters:5 -e reuters:6 -e reuters:7 "$WORK/one.ids" >"$WORK/expected.ids"
check "exactly those three are gone" cmp -s "$WORK/expected.ids" <(ids "$WORK/two.db")

# --- A run killed midway and resumed ends with exactly the expected ids ------------------------
cp "$REUTERS"/reut2-00[0-5].sgm "$INPUT"/   # undo the edit above
for threads in 1 2; do
    db="$WORK/killed-$threads.db"
    "$INDEX" --db "$db" --threads "$threads" --batch-mb 1 -q "$INPUT" >/dev/null 2>&1 &
    pid=$!
    # Kill once a first batch is committed somewhere, so there is something to resume from.
    for _ in $(seq 1 200); do
        if ls "$db.gazette-work"/shard-*/iamglass >/dev/null 2>&1 &&
            xapian-delve -1 -V1 "$db.gazette-work/shard-0" 2>/dev/null | tail -n +2 | grep -q .; then
            break
        fi
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    check "$threads writer(s): killed before finishing (work folder left)" test -d "$db.gazette-work"
    "$INDEX" --db "$db" --threads "$threads" --batch-mb 1 -q "$INPUT" >"$WORK/resume.out" 2>&1
    check "$threads writer(s): the same command resumes" grep -q 'resumed an interrupted run' "$WORK/resume.out"
    check "$threads writer(s): resumed run ends with exactly the expected ids" cmp -s "$WORK/one.ids" <(ids "$db")
    check "$threads writer(s): resumed database passes xapian-check" xapian-check "$db"
done

# --- --keep-shards leaves a stub database that opens as one --------------------------------
"$INDEX" --db "$WORK/sharded" --threads 3 --keep-shards -q "$INPUT" >"$WORK/keep.out" 2>&1
check "--keep-shards writes a stub file listing 3 shards" test "$(grep -c '^auto shard-' "$WORK/sharded/XAPIANDB")" -eq 3
check "the sharded database holds the same documents" cmp -s "$WORK/one.ids" <(ids "$WORK/sharded")
check "and gives the same results" test "$(results "$WORK/one.db" cocoa)" = "$(results "$WORK/sharded" cocoa)"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
