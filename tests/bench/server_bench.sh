#!/usr/bin/env bash
# Throughput and latency of `gazette-search serve` on loopback, driven by wrk with a mix of
# 1-4 word queries, phrases and filtered/sorted/faceted searches (server_mix.lua picks the
# URLs in turn), over an index of Reuters-21578 + BBC News + the HuffPost sample.
# Prints a Markdown table: requests/s, p50 and p99 latency at 1, 8 and 32 connections, and
# errors (socket errors + non-2xx answers; must be 0).
# Usage: tests/bench/server_bench.sh [BIN_DIR] [SHARED_DIR]
#   BENCH_DURATION=10s  per connection count      BENCH_THREADS=32  server worker threads
# Needs wrk (scripts/install-deps.sh --bench installs it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
bin=${1:-$src/build/bin}
shared=${2:-${GAZETTE_SHARED:-$(cd "$src/.." && pwd)/shared}}
duration=${BENCH_DURATION:-10s}
server_threads=${BENCH_THREADS:-32}
corpora=$shared/corpora

command -v wrk >/dev/null || { echo "server_bench: wrk is missing (scripts/install-deps.sh --bench)" >&2; exit 1; }

work=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

echo "indexing Reuters + BBC + HuffPost ..." >&2
python3 "$src/tests/e2e/huffpost_to_jsonl.py" \
    "$corpora/huffpost-news-category-sample/News_Category_Dataset_v2.json" >"$work/huffpost.jsonl"
# Reuters-21578 holds one record without text: a good run exits 3 (some records rejected).
status=0
"$bin/gazette-index" --db "$work/news.db" --quiet "$work/huffpost.jsonl" \
    "$corpora"/reuters21578/reut2-*.sgm >/dev/null 2>"$work/index.log" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    echo "server_bench: gazette-index failed (exit $status)" >&2; cat "$work/index.log" >&2; exit 1
fi
"$bin/gazette-index" --db "$work/news.db" --quiet --source BBC --exclude 'README*' \
    "$corpora/bbc-news/bbc" >/dev/null

# The query mix: plain words (1-4), phrases, boolean, filters, sorts, facets, paging.
cat >"$work/urls.txt" <<'URLS'
/api/search?q=oil
/api/search?q=cocoa
/api/search?q=election
/api/search?q=trump
/api/search?q=football
/api/search?q=gold
/api/search?q=oil+prices
/api/search?q=interest+rates
/api/search?q=world+cup
/api/search?q=stock+market
/api/search?q=trade+deficit
/api/search?q=prime+minister
/api/search?q=health+care+reform
/api/search?q=bank+of+england
/api/search?q=federal+reserve+rates
/api/search?q=grain+exports+soviet
/api/search?q=opec+oil+production+quota
/api/search?q=us+trade+deficit+japan
/api/search?q=film+award+best+actress
/api/search?q=mobile+phone+market+growth
/api/search?q=%22interest+rates%22
/api/search?q=%22world+cup%22
/api/search?q=%22prime+minister%22+election
/api/search?q=%22stock+exchange%22
/api/search?q=trump+AND+russia
/api/search?q=oil+NOT+gas
/api/search?q=title%3Acocoa
/api/search?q=oil&source=reuters
/api/search?q=election&source=bbc&section=politics
/api/search?q=trump&source=huffpost&from=2018-01&to=2018-06
/api/search?q=economy&from=1987-03&to=1987-04
/api/search?q=film&sort=newest
/api/search?q=market&sort=recency&now=2018-05-26
/api/search?q=cocoa&facets=source,year
/api/search?q=music&facets=source,section,year
/api/search?q=oil&offset=20
/api/search?q=bank&source=reuters&source=bbc&sort=newest
/api/search?q=negotiat*
URLS

"$bin/gazette-search" serve --db "$work/news.db" --listen 127.0.0.1:0 --threads "$server_threads" \
    --quiet 2>"$work/server.log" &
server=$!
url=
for _ in $(seq 1 200); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/server.log" || true)
    [ -n "$url" ] && break
    sleep 0.05
done
[ -n "$url" ] || { echo "server_bench: the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
docs=$(grep -o 'serving [0-9]* documents' "$work/server.log" | grep -o '[0-9]*')
# Each URL once, to warm the cache and to check that every one is answered 200.
while read -r path; do
    code=$(python3 -c 'import sys, urllib.request
try: print(urllib.request.urlopen(sys.argv[1]).status)
except Exception as e: print(getattr(e, "code", e))' "$url$path")
    [ "$code" = 200 ] || { echo "server_bench: $path answered $code" >&2; exit 1; }
done <"$work/urls.txt"

echo "| connections | requests/s | p50 latency | p99 latency | errors |"
echo "|---:|---:|---:|---:|---:|"
for c in 1 8 32; do
    t=$((c < 2 ? 1 : 2))
    line=$(wrk -t"$t" -c"$c" -d"$duration" -s "$here/server_mix.lua" "$url" -- "$work/urls.txt" |
           grep '^RESULT')
    python3 - "$line" "$c" <<'PY'
import sys
fields = dict(kv.split("=") for kv in sys.argv[1].split()[1:])
n = {k: int(v) for k, v in fields.items()}
errors = n["connect"] + n["read"] + n["write"] + n["status"] + n["timeout"]
print("| %s | %.0f | %.2f ms | %.2f ms | %d |" % (sys.argv[2], n["requests"] / (n["duration_us"] / 1e6),
      n["p50_us"] / 1000, n["p99_us"] / 1000, errors))
PY
done
echo
echo "$docs documents; $duration per row; server --threads $server_threads; $(nproc) cores;" \
     "$(wc -l <"$work/urls.txt") URLs in turn; wrk $(wrk --version 2>&1 | head -1 | awk '{print $2}')"
