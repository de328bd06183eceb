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

# --- Segments: a new database every --segment-mb of text, all compacted at the end -------------
"$INDEX" --db "$WORK/seg.db" --threads 2 --segment-mb 1 -q "$INPUT" >"$WORK/seg.out" 2>&1
check "segmented run exits 0" test $? -eq 0
check "segmented run reports the segments it merged" grep -Eq '\(2 writers, [0-9]+ segments merged\)' "$WORK/seg.out"
check "segmented run: the same set of documents" cmp -s "$WORK/one.ids" <(ids "$WORK/seg.db")
for q in cocoa "oil prices" "grain exports" "bank of japan" '"stock split"'; do
    check "segmented run: the same results (ids and scores) for $q" test "$(results "$WORK/one.db" "$q")" = "$(results "$WORK/seg.db" "$q")"
done
suggestion() { "$SEARCH" --db "$1" --json "$2" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("corrected"))'; }
check "segmented run: the same spelling suggestion for 'cocao exprots'" test "$(suggestion "$WORK/one.db" "cocao exprots")" = "$(suggestion "$WORK/seg.db" "cocao exprots")" -a "$(suggestion "$WORK/seg.db" "cocao exprots")" != None
check "segmented database passes xapian-check" xapian-check "$WORK/seg.db"
# An id that comes twice, far apart: its two copies land in different segments of one
# writer, and the merge keeps the later one only.
printf '{"id":"twice","title":"Earlier copy of zqxjfirst"}\n' >"$WORK/twice-1.jsonl"
printf '{"id":"twice","title":"Later copy of zqxjsecond"}\n' >"$WORK/twice-2.jsonl"
"$INDEX" --db "$WORK/twice.db" --threads 1 --segment-mb 1 -q "$WORK/twice-1.jsonl" "$INPUT" "$WORK/twice-2.jsonl" >"$WORK/twice.out" 2>"$WORK/twice.err"
check "an id in two segments: run exits 0" test $? -eq 0
check "an id in two segments: more than one segment was written" grep -Eq '\(1 writer, [0-9]+ segments merged\)' "$WORK/twice.out"
check "an id in two segments: held once" test "$(ids "$WORK/twice.db" | grep -c '^twice$')" -eq 1 -a "$(ids "$WORK/twice.db" | wc -l)" -eq 6001
check "an id in two segments: the later copy is the one kept" test "$(results "$WORK/twice.db" zqxjsecond)" != "[]" -a "$(results "$WORK/twice.db" zqxjfirst)" = "[]"
check "an id in two segments: counted as replaced and warned about" grep -q '^indexed 6,002 articles (6,001 added, 1 replaced)' "$WORK/twice.out"
check "... with the repeated-id warning" grep -q '1 articles had an id that came earlier in this run' "$WORK/twice.err"

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
# start_until_sealed [ARGS]: starts a segmented run on $db in the background (its pid in $pid)
# and returns once a writer has sealed a segment (or after 15 s). ARGS default to --threads 2.
start_until_sealed() {
    local layout=("$@")
    [ $# -eq 0 ] && layout=(--threads 2)
    "$INDEX" --db "$db" "${layout[@]}" --segment-mb 1 -q "$INPUT" >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 1 300); do
        ls -d "$db.gazette-work"/shard-*.seg-* >/dev/null 2>&1 && return
        sleep 0.05
    done
}
# kill_and_resume LABEL LAYOUT...: a segmented run on $db killed (SIGKILL) once a writer has
# sealed a segment, so the resumed run merges sealed segments, the segment the kill
# interrupted, and what it writes itself; then the same command again.
kill_and_resume() {
    local label=$1
    shift
    start_until_sealed "$@"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    check "$label: killed after sealing a segment" test -n "$(ls -d "$db.gazette-work"/shard-*.seg-* 2>/dev/null)"
    "$INDEX" --db "$db" "$@" --segment-mb 1 -q "$INPUT" >"$WORK/resume-seg.out" 2>&1
    check "$label: the same command resumes" grep -q 'resumed an interrupted run' "$WORK/resume-seg.out"
    check "$label: resumed run ends with exactly the expected ids" cmp -s "$WORK/one.ids" <(ids "$db")
}
db="$WORK/killed-seg.db"
kill_and_resume segments --threads 2
check "segments: resumed database passes xapian-check" xapian-check "$db"
# A second gazette-index on the same database while the first writes its segments: refused.
db="$WORK/busy.db"
start_until_sealed
"$INDEX" --db "$db" --threads 2 --segment-mb 1 -q "$INPUT" >"$WORK/busy.out" 2>&1
rc=$?
check "segments: a second writer meanwhile exits 1 with 'locked by another writer'" test $rc -eq 1 -a -n "$(grep 'locked by another writer' "$WORK/busy.out")"
wait "$pid"
check "segments: the first run still finishes" test $? -eq 0
check "segments: and holds exactly the expected ids" cmp -s "$WORK/one.ids" <(ids "$db")

# --- --keep-shards leaves a stub database that opens as one --------------------------------
"$INDEX" --db "$WORK/sharded" --threads 3 --keep-shards -q "$INPUT" >"$WORK/keep.out" 2>&1
check "--keep-shards writes a stub file listing 3 shards" test "$(grep -c '^auto shard-' "$WORK/sharded/XAPIANDB")" -eq 3
check "the sharded database holds the same documents" cmp -s "$WORK/one.ids" <(ids "$WORK/sharded")
check "and gives the same results" test "$(results "$WORK/one.db" cocoa)" = "$(results "$WORK/sharded" cocoa)"

# --- A new sharded database: built from segments, each writer's compacted into its shard -------
both_pass_check() { xapian-check "$1/shard-0" >/dev/null && xapian-check "$1/shard-1" >/dev/null; }
db="$WORK/new-shards"
"$INDEX" --db "$db" --shards 2 --segment-mb 1 -q "$INPUT" >"$WORK/new-shards.out" 2>&1
check "--shards 2 on a new database exits 0" test $? -eq 0
check "--shards 2 reports the segments compacted into its shards" grep -Eq '\(2 shards, [0-9]+ segments compacted into them\)' "$WORK/new-shards.out"
check "--shards 2: the same set of documents" cmp -s "$WORK/one.ids" <(ids "$db")
for q in cocoa "oil prices" '"stock split"'; do
    check "--shards 2: the same results for $q" test "$(results "$WORK/one.db" "$q")" = "$(results "$db" "$q")"
done
check "--shards 2: each shard passes xapian-check" both_pass_check "$db"
check "--shards 2: no work folder and no segment left" test ! -e "$db.gazette-work" -a -z "$(ls -d "$db"/shard-*.seg-* 2>/dev/null)"
# Later runs write the shards in place; an id must be in the shard the hash names, or it
# would be added a second time instead of replaced.
"$INDEX" --db "$db" -q "$INPUT/reut2-000.sgm" >"$WORK/new-shards-again.out" 2>&1
check "--shards 2, then the first file again: replaced in place, none added" grep -q '(0 added, 1,000 replaced).*' "$WORK/new-shards-again.out"
check "--shards 2, then the first file again: written in place" grep -q '2 shards, written in place' "$WORK/new-shards-again.out"
check "--shards 2, then the first file again: still exactly the expected ids" cmp -s "$WORK/one.ids" <(ids "$db")
db="$WORK/killed-shards"
kill_and_resume "--shards 2" --shards 2
check "--shards 2: resumed shards pass xapian-check" both_pass_check "$db"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
