#!/usr/bin/env bash
# Benchmark (not a test): Gazette against plain Xapian, side by side, in one run.
#
#   1. indexing: gazette-index on Reuters-21578 + BBC News into a fresh database, and
#      Xapian's own scriptindex (xapian-omega) on the same articles with an index script that
#      mirrors Gazette's schema (tests/bench/peer.scriptindex). Wall-clock measured here,
#      BENCH_RUNS times each (interleaved), medians reported: articles/s and raw input MB/s.
#      scriptindex reads a dump made by tests/bench/bench_corpus.py from the same raw files;
#      that conversion happens once, before timing, and is NOT counted.
#   2. searching: a deterministic set of queries (seeded; 1-3 headline words, some quoted
#      2-word phrases) through `gazette-search --jsonl --limit 10` (per-query took_ms) and
#      through tests/bench/xapian_enquire_loop.cc against the scriptindex database
#      (per-query parse+match+fetch time). Median, p99 and the whole-batch wall time
#      (process start included) on each side; one untimed warm-up pass first.
#   3. a table (plain text, then Markdown) on stdout; JSON to $BENCH_JSON if set.
#
# Usage (from the repository root, after a build):
#   bash tests/bench/index_search_bench.sh
# Environment:
#   GAZETTE_SHARED   folder holding corpora/ (default: ../shared next to the repository)
#   GAZETTE_BIN_DIR  folder holding gazette-index and gazette-search (default: build/bin)
#   BENCH_RUNS       timed runs per measurement (default 3)
#   BENCH_QUERIES    number of queries (default 2000)
#   BENCH_SEED       query generator seed (default 20250101)
#   BENCH_JSON       write the results as JSON to this file
#   BENCH_PEER_SPELLING=1  make scriptindex build spelling data too, as gazette-index does
#   CXX              compiler for the peer search loop (default g++)
#   TMPDIR           where the temporary databases go (about 0.5 GB at peak)
# Progress goes to stderr, results to stdout. Exit status is non-zero if anything fails.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${GAZETTE_SHARED:-$repo/../shared}
bin_dir=${GAZETTE_BIN_DIR:-$repo/build/bin}
runs=${BENCH_RUNS:-3}
nqueries=${BENCH_QUERIES:-2000}
seed=${BENCH_SEED:-20250101}
limit=10

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'index_search_bench.sh: %s\n' "$*" >&2; exit 1; }

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer, not '$runs'"
[[ $nqueries =~ ^[1-9][0-9]*$ ]] || die "BENCH_QUERIES must be a positive integer, not '$nqueries'"
[[ $seed =~ ^[0-9]+$ ]] || die "BENCH_SEED must be a non-negative integer, not '$seed'"
shared=$(cd "$shared" 2>/dev/null && pwd) || die "shared folder not found (set GAZETTE_SHARED)"
[[ -d $shared/corpora/reuters21578 && -d $shared/corpora/bbc-news/bbc ]] ||
    die "$shared/corpora lacks reuters21578/ or bbc-news/bbc/"
for b in gazette-index gazette-search; do
    [[ -x $bin_dir/$b ]] || die "$bin_dir/$b not found: build first (cmake -S . -B build && cmake --build build -j2) or set GAZETTE_BIN_DIR"
done
command -v python3 >/dev/null || die "python3 is required"

if ! command -v scriptindex >/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        log "scriptindex missing: installing xapian-omega"
        apt-get install -y xapian-omega >&2 || { apt-get update >&2 && apt-get install -y xapian-omega >&2; }
    fi
    command -v scriptindex >/dev/null || die "scriptindex not found: install the Debian package xapian-omega"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gazette-bench.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$work/bin" "$work/out"

# Each tool commits with its own default policy (gazette-index: every --batch-mb 32 MB of
# text; scriptindex: Xapian's default of every 10,000 documents).
unset XAPIAN_FLUSH_THRESHOLD

# Snapshot the binaries: others may rebuild build/ while the benchmark runs.
cp "$bin_dir/gazette-index" "$bin_dir/gazette-search" "$work/bin/"
gindex=$work/bin/gazette-index
gsearch=$work/bin/gazette-search

# The peer search loop: a built CMake target if it is current, else compile it here.
loop_src=$here/xapian_enquire_loop.cc
if [[ -x $bin_dir/xapian-enquire-loop && $bin_dir/xapian-enquire-loop -nt $loop_src ]]; then
    cp "$bin_dir/xapian-enquire-loop" "$work/bin/"
else
    log "compiling xapian_enquire_loop.cc (not timed)"
    xapian_flags=$(pkg-config --cflags --libs xapian-core 2>/dev/null || echo -lxapian)
    # shellcheck disable=SC2086
    "${CXX:-g++}" -O2 -std=c++20 -o "$work/bin/xapian-enquire-loop" "$loop_src" $xapian_flags
fi
loop=$work/bin/xapian-enquire-loop

# --- inputs ---------------------------------------------------------------------------
corpus() { python3 "$here/bench_corpus.py" --shared "$shared" "$@"; }
mapfile -t reuters < <(corpus inputs --kind reuters)
[[ ${#reuters[@]} -gt 0 ]] || die "no reut2-*.sgm files in $shared/corpora/reuters21578"
input_bytes=$(corpus inputs --bytes)

# BBC: gazette-index walks bbc/ itself (ids like business/001.txt, section = category), minus
# the dataset's own bbc/README.TXT, which is not an article. (Passing the five category
# folders instead would give ids relative to each folder, "001.txt", and the categories'
# files would replace one another.)
bbc=$shared/corpora/bbc-news/bbc
gindex_help=$("$gindex" --help)
[[ $gindex_help == *--exclude* ]] ||
    die "this gazette-index has no --exclude option (needed to leave out bbc/README.TXT)"

log "converting the corpus for scriptindex (not timed)"
read -r dump_articles convert_seconds < <(corpus convert "$work/peer.dump")
dump_bytes=$(stat -c %s "$work/peer.dump")
cp "$here/peer.scriptindex" "$work/peer.scriptindex"
if [[ ${BENCH_PEER_SPELLING:-0} == 1 ]]; then
    sed -i -e 's/^title : field /title : field spell /' -e 's/^body : field /body : field spell /' \
        "$work/peer.scriptindex"
fi

log "making $nqueries queries (seed $seed)"
corpus queries --count "$nqueries" --seed "$seed" > "$work/queries.txt"

# Warm the page cache for both sides' inputs so run 1 is not penalised by cold reads.
cat "${reuters[@]}" "$bbc"/*/*.txt "$work/peer.dump" > /dev/null

now() { echo "$EPOCHREALTIME"; }
elapsed() { python3 -c 'import sys; print("%.6f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$1" "$2"; }
runs_tsv=$work/runs.tsv
: > "$runs_tsv"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
# Which sources the binaries were (probably) built from: HEAD, "+dirty" if the tree differs.
revision=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -z $(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null) ]] || revision="$revision+dirty"

# --- 1+2. indexing ---------------------------------------------------------------------
gdb=$work/gazette.db
pdb=$work/peer.db
for ((i = 1; i <= runs; i++)); do
    rm -rf "$gdb"
    log "index run $i/$runs: gazette-index"
    out=$work/out/index-gazette-$i
    t0=$(now)
    rc=0
    "$gindex" --db "$gdb" --quiet --source BBC --exclude README.TXT "${reuters[@]}" "$bbc" > "$out.stdout" 2> "$out.stderr" || rc=$?
    t1=$(now)
    # 3 = finished, but some records were rejected (reported below).
    [[ $rc -eq 0 || $rc -eq 3 ]] || { cat "$out.stderr" >&2; die "gazette-index failed with status $rc"; }
    printf 'index\tgazette\t%d\t%s\t%s\n' "$i" "$(elapsed "$t0" "$t1")" "$out.stdout" >> "$runs_tsv"

    rm -rf "$pdb"
    log "index run $i/$runs: scriptindex"
    out=$work/out/index-peer-$i
    t0=$(now)
    scriptindex --overwrite "$pdb" "$work/peer.scriptindex" "$work/peer.dump" > "$out.stdout" 2> "$out.stderr" ||
        { cat "$out.stderr" >&2; die "scriptindex failed"; }
    t1=$(now)
    printf 'index\tpeer\t%d\t%s\t%s\n' "$i" "$(elapsed "$t0" "$t1")" "$out.stdout" >> "$runs_tsv"
done
gazette_index_bytes=$(du -sb "$gdb" | cut -f1)
# Fairness check: sampled articles must have the same terms (with wdf) and values in both.
if command -v xapian-delve >/dev/null; then
    read -r same_docs sampled_docs < <(corpus compare "$work/peer.dump" "$gdb" "$pdb")
    [[ $same_docs == "$sampled_docs" ]] ||
        log "WARNING: only $same_docs of $sampled_docs sampled articles are indexed identically (peer.scriptindex out of step with common/fields.cc?)"
    terms_check="$same_docs of $sampled_docs sampled articles have identical terms, wdf and values in both databases"
else
    terms_check="not checked (xapian-delve from xapian-tools is missing)"
fi
peer_index_bytes=$(du -sb "$pdb" | cut -f1)

# --- 3. searching ----------------------------------------------------------------------
log "search warm-up (not timed)"
"$gsearch" --db "$gdb" --jsonl --limit "$limit" < "$work/queries.txt" > /dev/null
"$loop" "$pdb" "$limit" < "$work/queries.txt" > /dev/null 2>&1
for ((i = 1; i <= runs; i++)); do
    log "search run $i/$runs: gazette-search --jsonl"
    out=$work/out/search-gazette-$i
    t0=$(now)
    "$gsearch" --db "$gdb" --jsonl --limit "$limit" < "$work/queries.txt" > "$out.stdout" 2> "$out.stderr" ||
        { cat "$out.stderr" >&2; die "gazette-search failed"; }
    t1=$(now)
    printf 'search\tgazette\t%d\t%s\t%s\n' "$i" "$(elapsed "$t0" "$t1")" "$out.stdout" >> "$runs_tsv"

    log "search run $i/$runs: xapian-enquire-loop"
    out=$work/out/search-peer-$i
    t0=$(now)
    "$loop" "$pdb" "$limit" < "$work/queries.txt" > "$out.stdout" 2> "$out.stderr" ||
        { cat "$out.stderr" >&2; die "xapian-enquire-loop failed"; }
    t1=$(now)
    printf 'search\tpeer\t%d\t%s\t%s\n' "$i" "$(elapsed "$t0" "$t1")" "$out.stdout" >> "$runs_tsv"
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# What gazette-index said on stderr in the last run (rejections, warnings).
gerr=$work/out/index-gazette-$runs.stderr
rejected=$(grep -c '^gazette-index: rejected ' "$gerr" || true)
warnings=$(grep -c '^gazette-index: warning: ' "$gerr" || true)
if [[ -s $gerr ]]; then
    log "gazette-index stderr (last run):"
    sed 's/^/    /' "$gerr" >&2
fi
perr=$work/out/index-peer-$runs.stderr
if [[ -s $perr ]]; then
    log "scriptindex stderr (last run):"
    sed 's/^/    /' "$perr" >&2
fi

spelling_note="the peer builds no spelling data (gazette-index does; BENCH_PEER_SPELLING=1 adds it to the peer)"
[[ ${BENCH_PEER_SPELLING:-0} == 1 ]] && spelling_note="BENCH_PEER_SPELLING=1: the peer builds spelling data from title and body, as gazette-index does"

python3 "$here/bench_report.py" --runs "$runs_tsv" ${BENCH_JSON:+--json "$BENCH_JSON"} \
    --meta "runs=$runs" --meta "seed=$seed" --meta "limit=$limit" \
    --meta "input_bytes=$input_bytes" --meta "cpus=$(nproc)" \
    --meta "load_start=$load_start" --meta "load_end=$load_end" \
    --meta "gazette_version=$("$gindex" --version | head -1), binaries from $bin_dir (tree $revision)" \
    --meta "scriptindex_version=$(scriptindex --version | head -1)" \
    --meta "xapian_version=libxapian $(pkg-config --modversion xapian-core 2>/dev/null || echo '?')" \
    --meta "gazette_index_bytes=$gazette_index_bytes" --meta "peer_index_bytes=$peer_index_bytes" \
    --meta "gazette_rejected=$rejected" --meta "gazette_warnings=$warnings" \
    --meta "terms_check=$terms_check" \
    --meta "dump_articles=$dump_articles" --meta "dump_bytes=$dump_bytes" --meta "convert_seconds=$convert_seconds" \
    --meta "note1=input: ${#reuters[@]} Reuters SGML files + BBC's 5 category folders (bbc/README.TXT left out), $input_bytes bytes of raw files; MB = 10^6 bytes; both sides' MB/s use these raw bytes" \
    --meta "note2=scriptindex reads a dump made from the same raw files by bench_corpus.py ($dump_articles articles, $dump_bytes bytes); that conversion took ${convert_seconds} s and is NOT counted in the peer's times" \
    --meta "note3=gazette-index reported $rejected rejected record(s) and $warnings warning(s) on stderr (see the log above); articles/s counts the documents each database holds afterwards" \
    --meta "note4=index work per article: same terms, values and stored fields on both sides (peer.scriptindex mirrors Gazette's schema); gazette stores the article as JSON; $spelling_note" \
    --meta "note5=search latency: gazette = took_ms (parse with stopwords and spelling correction, BM25 match, fetch + JSON-decode of each hit, highlighted snippets); peer = parse (default flags, no stopper) + BM25 match + get_data() of each hit, no snippets; neither includes writing the output" \
    --meta "note6=search wall time: the whole batch, from process start to exit, queries on stdin, output to a file" \
    --meta "note7=ratio = gazette / peer; 'ahead' names the side the direction favours (within 2% = even)"
log "done"
