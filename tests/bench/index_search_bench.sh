#!/usr/bin/env bash
# Benchmark (not a test): Gazette against plain Xapian and SQLite FTS5, side by side, in one run.
#
#   1. indexing, on one input (BENCH_INPUT): gazette-index with all cores (its default
#      --threads), into a sharded database with --shards equal to the core count, and with
#      --threads 1; Xapian's own scriptindex (xapian-omega) with an index
#      script that mirrors Gazette's schema (tests/bench/peer.scriptindex); SQLite FTS5 through
#      the sqlite3 shell, one transaction (tests/bench/peer_fts5.sql). Wall clock measured
#      here, peak memory by GNU time (-v, "Maximum resident set size"), BENCH_RUNS times each,
#      medians reported: articles/s, input MB/s, index size, peak RSS, each against scriptindex.
#      scriptindex and sqlite3 read a dump / CSV made by tests/bench/bench_corpus.py from the
#      same input; that conversion happens once, before timing, and is NOT counted.
#   2. searching, on the databases of step 1: a deterministic set of queries (seeded; 1-3
#      headline words, some quoted 2-word phrases) through `gazette-search --jsonl --limit 10`
#      (per-query took_ms; on the sharded database with --parallel, one xapian-progsrv per
#      shard), tests/bench/xapian_enquire_loop.cc against the scriptindex
#      database and tests/bench/fts5_query_loop.py against the FTS5 database (per-query
#      match+fetch time). Median, p99 and the whole-batch wall time; one untimed warm-up first.
#   3. gazette-index --threads 1 (last, so that a long run has its search figures early).
#   4. tables (Markdown) on stdout; JSON to $BENCH_JSON if set.
#
# Usage (from the repository root, after a build):
#   bash tests/bench/index_search_bench.sh
#   BENCH_INPUT=synthetic BENCH_SYNTH_COUNT=20000 BENCH_RUNS=1 bash tests/bench/index_search_bench.sh
# Environment:
#   BENCH_INPUT      reuters-bbc (default) or synthetic
#   BENCH_SYNTH_COUNT, BENCH_SYNTH_SEED  synthetic articles to generate with gazette-generate
#                    (default 1000000 and 1; generated into TMPDIR, not timed)
#   BENCH_SYNTH_FILE use this JSON Lines file as the synthetic input instead of generating one
#   GAZETTE_SHARED   folder holding corpora/ (default: ../shared next to the repository)
#   GAZETTE_BIN_DIR  folder holding gazette-index, gazette-search, gazette-generate (default: build/bin)
#   BENCH_RUNS       timed runs per measurement (default 3)
#   BENCH_QUERIES    number of queries (default 2000)
#   BENCH_FTS5_QUERIES  how many of them the FTS5 loop runs (default: all)
#   BENCH_SEED       query generator seed (default 20250101)
#   BENCH_JSON       write the results as JSON to this file
#   BENCH_OUT        keep every run's raw output and runs.tsv in this folder (default: removed)
#   BENCH_PEER_SPELLING=1  make scriptindex build spelling data too, as gazette-index does
#   CXX              compiler for the peer search loop (default g++)
#   TMPDIR           where the temporary databases go (Reuters+BBC: about 0.5 GB; 1 million
#                    synthetic articles: tens of GB, see tests/bench/README.md)
# Progress goes to stderr, results to stdout. Exit status is non-zero if anything fails.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=bench_lib.sh
source "$here/bench_lib.sh"
shared=${GAZETTE_SHARED:-$repo/../shared}
bin_dir=${GAZETTE_BIN_DIR:-$repo/build/bin}
input=${BENCH_INPUT:-reuters-bbc}
runs=${BENCH_RUNS:-3}
nqueries=${BENCH_QUERIES:-2000}
nfts5=${BENCH_FTS5_QUERIES:-$nqueries}
seed=${BENCH_SEED:-20250101}
synth_count=${BENCH_SYNTH_COUNT:-1000000}
synth_seed=${BENCH_SYNTH_SEED:-1}
limit=10

[[ $input == reuters-bbc || $input == synthetic ]] || die "BENCH_INPUT must be reuters-bbc or synthetic, not '$input'"
for v in runs nqueries nfts5 synth_count; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer, not '${!v}'"
done
[[ $seed =~ ^[0-9]+$ && $synth_seed =~ ^[0-9]+$ ]] || die "seeds must be non-negative integers"
for b in gazette-index gazette-search; do
    [[ -x $bin_dir/$b ]] || die "$bin_dir/$b not found: build first (cmake -S . -B build && cmake --build build -j2) or set GAZETTE_BIN_DIR"
done
command -v python3 >/dev/null || die "python3 is required"
[[ -x /usr/bin/time ]] || require_tool time time
require_tool scriptindex xapian-omega
require_tool sqlite3 sqlite3

work=$(mktemp -d "${TMPDIR:-/tmp}/gazette-bench.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
out_dir=${BENCH_OUT:-$work/out}
mkdir -p "$work/bin" "$out_dir"
out_dir=$(cd "$out_dir" && pwd)

# Each tool commits with its own default policy (gazette-index: every --batch-mb of text;
# scriptindex: Xapian's default of every 10,000 documents; sqlite3: one transaction).
unset XAPIAN_FLUSH_THRESHOLD

# Snapshot the binaries: others may rebuild build/ while the benchmark runs.
cp "$bin_dir/gazette-index" "$bin_dir/gazette-search" "$work/bin/"
gindex=$work/bin/gazette-index
gsearch=$work/bin/gazette-search
loop=$work/bin/xapian-enquire-loop
build_enquire_loop "$here/xapian_enquire_loop.cc" "$bin_dir" "$loop"

# --- inputs ---------------------------------------------------------------------------
corpus_args=(--shared "$shared")
if [[ $input == reuters-bbc ]]; then
    shared=$(cd "$shared" 2>/dev/null && pwd) || die "shared folder not found (set GAZETTE_SHARED)"
    corpus_args=(--shared "$shared")
    [[ -d $shared/corpora/reuters21578 && -d $shared/corpora/bbc-news/bbc ]] ||
        die "$shared/corpora lacks reuters21578/ or bbc-news/bbc/"
    mapfile -t reuters < <(python3 "$here/bench_corpus.py" "${corpus_args[@]}" inputs --kind reuters)
    [[ ${#reuters[@]} -gt 0 ]] || die "no reut2-*.sgm files in $shared/corpora/reuters21578"
    input_bytes=$(python3 "$here/bench_corpus.py" "${corpus_args[@]}" inputs --bytes)
    # BBC: gazette-index walks bbc/ itself (ids like business/001.txt, section = category),
    # minus the dataset's own bbc/README.TXT, which is not an article.
    bbc=$shared/corpora/bbc-news/bbc
    [[ $("$gindex" --help) == *--exclude* ]] ||
        die "this gazette-index has no --exclude option (needed to leave out bbc/README.TXT)"
    gazette_inputs=(--source BBC --exclude README.TXT "${reuters[@]}" "$bbc")
    raw_inputs=("${reuters[@]}" "$bbc"/*/*.txt)
    input_desc="${#reuters[@]} Reuters-21578 SGML files + BBC News' 5 category folders (bbc/README.TXT left out)"
else
    synth=${BENCH_SYNTH_FILE:-}
    if [[ -z $synth ]]; then
        [[ -x $bin_dir/gazette-generate ]] || die "$bin_dir/gazette-generate not found"
        synth=$work/synthetic.jsonl
        log "generating $synth_count synthetic articles, seed $synth_seed (not timed)"
        "$bin_dir/gazette-generate" --count "$synth_count" --seed "$synth_seed" --out "$synth" >&2
        synth_from="gazette-generate --count $synth_count --seed $synth_seed"
    else
        [[ -r $synth ]] || die "BENCH_SYNTH_FILE $synth is not readable"
        synth_from=$synth
    fi
    corpus_args+=(--jsonl "$synth")
    input_bytes=$(stat -c %s "$synth")
    gazette_inputs=("$synth")
    raw_inputs=("$synth")
    input_desc="$(wc -l < "$synth") synthetic articles, JSON Lines ($synth_from)"
fi
corpus() { python3 "$here/bench_corpus.py" "${corpus_args[@]}" "$@"; }
input_desc="$input_desc, $input_bytes bytes; MB/s of every indexer = these bytes / its wall time"

log "converting the input for scriptindex and for sqlite3 (not timed)"
read -r dump_articles dump_seconds < <(corpus convert "$work/peer.dump")
read -r csv_articles csv_seconds < <(corpus convert --format fts5-csv "$work/peer.csv")
cp "$here/peer.scriptindex" "$work/peer.scriptindex"
cp "$here/peer_fts5.sql" "$work/peer_fts5.sql"
if [[ ${BENCH_PEER_SPELLING:-0} == 1 ]]; then
    sed -i -e 's/^title : field /title : field spell /' -e 's/^body : field /body : field spell /' \
        "$work/peer.scriptindex"
fi

log "making $nqueries queries (seed $seed) from the input's headlines"
corpus queries --count "$nqueries" --seed "$seed" > "$work/queries.txt"
head -n "$nfts5" "$work/queries.txt" > "$work/queries-fts5.txt"

terms_check="not checked (xapian-delve from xapian-tools is missing)"
runs_tsv=$out_dir/runs.tsv
: > "$runs_tsv"
load_start=$(loadavg)
declare -A db=([gazette]=$work/gazette.db [gazette-1t]=$work/gazette-1t.db [gazette-shards]=$work/gazette-shards
    [scriptindex]=$work/peer.db [fts5]=$work/peer-fts5.sqlite)

# index_once ENGINE RUN: a fresh database, its input just read (page cache warm), timed.
index_once() {
    local engine=$1 i=$2 out=$out_dir/index-$1-$2
    rm -rf "${db[$engine]}"
    log "index run $i/$runs: $engine"
    case $engine in
        gazette | gazette-1t | gazette-shards)
            cat "${raw_inputs[@]}" > /dev/null
            local threads=()
            [[ $engine == gazette-1t ]] && threads=(--threads 1)
            [[ $engine == gazette-shards ]] && threads=(--shards "$(nproc)")
            # 3 = finished, but some records were rejected (counted in the notes).
            timed_run "$runs_tsv" index "$engine" "$i" "$out" 3 -- \
                "$gindex" --db "${db[$engine]}" --quiet "${threads[@]}" "${gazette_inputs[@]}" ;;
        scriptindex)
            cat "$work/peer.dump" > /dev/null
            timed_run "$runs_tsv" index scriptindex "$i" "$out" -- \
                scriptindex --overwrite "${db[scriptindex]}" "$work/peer.scriptindex" "$work/peer.dump" ;;
        fts5)
            cat "$work/peer.csv" > /dev/null
            (cd "$work" && timed_run "$runs_tsv" index fts5 "$i" "$out" -- \
                sqlite3 -bail "${db[fts5]}" < "$work/peer_fts5.sql") || exit 1
            # The row count, untimed, in the form bench_report.py reads.
            sqlite3 "${db[fts5]}" "SELECT 'holds ' || count(*) || ' articles' FROM articles;" >> "$out.stdout" ;;
    esac
    # The database's size, as a seventh column of this run's line.
    sed -i '$ s/$/\t'"$(du -sb "${db[$engine]}" | cut -f1)"'/' "$runs_tsv"
}

# search_argv ENGINE: sets `argv` to the engine's search loop and `queries` to its query file.
search_argv() {
    queries=$work/queries.txt
    case $1 in
        gazette) argv=("$gsearch" --db "${db[gazette]}" --jsonl --limit "$limit") ;;
        gazette-shards) argv=("$gsearch" --db "${db[gazette-shards]}" --parallel --jsonl --limit "$limit") ;;
        scriptindex) argv=("$loop" "${db[scriptindex]}" "$limit") ;;
        fts5) argv=(python3 "$here/fts5_query_loop.py" "${db[fts5]}" "$limit")
              queries=$work/queries-fts5.txt ;;
    esac
}

# search_runs ENGINE: one untimed warm-up pass, then BENCH_RUNS timed passes.
search_runs() {
    local engine=$1 i
    search_argv "$engine"
    log "search warm-up (not timed): $engine"
    "${argv[@]}" < "$queries" > /dev/null 2>&1
    for ((i = 1; i <= runs; i++)); do
        log "search run $i/$runs: $engine"
        timed_run "$runs_tsv" search "$engine" "$i" "$out_dir/search-$engine-$i" -- "${argv[@]}" < "$queries"
    done
}

# --- 1+2. each engine in turn: its index runs, then its searches -------------------------
# Fastest first, so that a run cut short (1 million articles) has the most figures.
for engine in gazette gazette-shards fts5 scriptindex gazette-1t; do
    for ((i = 1; i <= runs; i++)); do index_once "$engine" "$i"; done
    [[ $engine == gazette-1t ]] || search_runs "$engine"
    if [[ $engine == scriptindex ]] && command -v xapian-delve >/dev/null; then
        # Fairness check: sampled articles should have the same terms (with wdf) and values.
        log "comparing sampled articles in the two Xapian databases (not timed)"
        read -r same_docs sampled_docs < <(corpus compare "$work/peer.dump" "${db[gazette]}" "${db[scriptindex]}" 2>"$work/compare.err")
        [[ $same_docs == "$sampled_docs" ]] ||
            log "note: $same_docs of $sampled_docs sampled articles are indexed identically; first differences: $(head -c 600 "$work/compare.err")"
        terms_check="$same_docs of $sampled_docs sampled articles have identical terms, wdf and values in gazette's and scriptindex's databases"
    fi
    # Free the disk (several GB per database at 1 million articles); gazette's is compared
    # with scriptindex's, then goes too, before gazette-1t needs the room.
    [[ $engine == gazette ]] || rm -rf "${db[$engine]}"
    [[ $engine == scriptindex ]] && rm -rf "${db[gazette]}"
done
load_end=$(loadavg)

# What gazette-index said on stderr in its last run (rejections, warnings).
gerr=$out_dir/index-gazette-$runs.stderr
rejected=$(grep -c '^gazette-index: rejected ' "$gerr" || true)
warnings=$(grep -c '^gazette-index: warning: ' "$gerr" || true)
for engine in gazette scriptindex fts5; do
    err=$out_dir/index-$engine-$runs.stderr
    if [[ -s $err ]]; then
        log "$engine stderr (last run, first 20 lines):"
        head -n 20 "$err" | sed 's/^/    /' >&2
    fi
done

spelling_note="the scriptindex peer builds no spelling data (gazette-index does; BENCH_PEER_SPELLING=1 adds it to the peer)"
[[ ${BENCH_PEER_SPELLING:-0} == 1 ]] && spelling_note="BENCH_PEER_SPELLING=1: the scriptindex peer builds spelling data from title and body, as gazette-index does"
fts5_note="FTS5 ran all $nqueries queries"
[[ $nfts5 -lt $nqueries ]] && fts5_note="FTS5 ran the first $nfts5 of the $nqueries queries (BENCH_FTS5_QUERIES)"

python3 "$here/bench_report.py" --runs "$runs_tsv" ${BENCH_JSON:+--json "$BENCH_JSON"} \
    --meta "runs=$runs" --meta "seed=$seed" --meta "limit=$limit" --meta "threads=$(nproc)" \
    --meta "input_bytes=$input_bytes" --meta "input_desc=$input_desc" --meta "cpus=$(nproc)" \
    --meta "load_start=$load_start" --meta "load_end=$load_end" \
    --meta "gazette_version=$("$gindex" --version | head -1), binaries from $bin_dir (tree $(tree_revision "$repo"))" \
    --meta "scriptindex_version=$(scriptindex --version | head -1)" \
    --meta "xapian_version=libxapian $(pkg-config --modversion xapian-core 2>/dev/null || echo '?')" \
    --meta "sqlite_version=sqlite3 $(sqlite3 --version | cut -d' ' -f1)" \
    --meta "terms_check=$terms_check" \
    --meta "note1=scriptindex reads a dump ($dump_articles articles) and sqlite3 a CSV file ($csv_articles rows) made from the same input by bench_corpus.py; those conversions took ${dump_seconds} s and ${csv_seconds} s and are NOT counted in the peers' times; gazette-index reads the input itself" \
    --meta "note2=gazette-index reported $rejected rejected record(s) and $warnings warning(s) on stderr; articles/s counts the documents each database holds afterwards" \
    --meta "note3=index work per article: scriptindex indexes the same terms, values and stored fields (peer.scriptindex mirrors Gazette's schema) except what only gazette-index does: folded name-variant terms, the near-duplicate key and the sort-key values; $spelling_note. FTS5 indexes title, body, source, section, topics, people, places, orgs and authors (Porter stemmer, positions), stores all columns" \
    --meta "note4=peak RSS = GNU time's Maximum resident set size of the indexer process (gazette-index's worker threads are in that process); index size = du -sb of the database" \
    --meta "note5=search latency: gazette = took_ms (parse with stopwords and spelling correction, BM25 match, fetch + JSON-decode of each hit, highlighted snippets); Enquire loop = parse (default flags, no stopper) + BM25 match + get_data() of each hit, no snippets; FTS5 = the words ORed (phrases kept), MATCH ... ORDER BY rank LIMIT $limit and fetching rowid, title and body, timed in Python around the sqlite3 call; $fts5_note; none includes writing the output; batch wall = the whole process, start to exit" \
    --meta "note6=order: each engine in turn (gazette-index, gazette-index --shards, SQLite FTS5, scriptindex, gazette-index --threads 1), its BENCH_RUNS index runs followed by its searches"
log "done"
