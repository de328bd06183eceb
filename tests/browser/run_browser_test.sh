#!/usr/bin/env bash
# The search page in a real browser. Needs Debian's chromium and chromium-driver
# (scripts/install-deps.sh --test); indexes corpus/seed + corpus/samples + Reuters, starts
# gazette-search serve on a free loopback port, runs search_page_test.py (which starts and
# stops chromedriver itself), and always stops the server.
# Usage: run_browser_test.sh BIN_DIR SRC_DIR SHARED_DIR ARTIFACT_DIR
set -euo pipefail
bin=$1 src=$2 shared=$3 artifacts=$4
here=$(cd "$(dirname "$0")" && pwd)

for need in /usr/bin/chromium /usr/bin/chromedriver python3; do
    command -v "$need" >/dev/null ||
        { echo "browser test: $need is missing (scripts/install-deps.sh --test installs it)" >&2; exit 1; }
done

work=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# Reuters-21578 holds one record without text, so a good run exits 3 (some records rejected).
status=0
"$bin/gazette-index" --db "$work/news.db" --quiet "$src/corpus/seed" "$src/corpus/samples" \
    "$shared"/corpora/reuters21578/reut2-*.sgm >"$work/index.log" 2>&1 || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    echo "browser test: gazette-index failed (exit $status)" >&2; cat "$work/index.log" >&2; exit 1
fi
"$bin/gazette-search" serve --db "$work/news.db" --listen 127.0.0.1:0 --quiet 2>"$work/server.log" &
server=$!
url=
for _ in $(seq 1 200); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/server.log" || true)
    [ -n "$url" ] && break
    sleep 0.05
done
[ -n "$url" ] || { echo "browser test: the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }

mkdir -p "$artifacts"
python3 "$here/search_page_test.py" "$url" "$artifacts"
echo "screenshots: $artifacts/search-page.png, search-page-phone.png, search-page-timeline.png"
