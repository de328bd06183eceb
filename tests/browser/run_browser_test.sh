#!/usr/bin/env bash
# The search page in a real browser. Installs what it needs (Debian's chromium when
# /usr/bin/chromium is missing and we are root; playwright-core with npm ci), indexes
# corpus/seed + corpus/samples + Reuters, starts gazette-search serve on a free loopback port,
# runs search_page_test.mjs, and always stops the server.
# Usage: run_browser_test.sh BIN_DIR SRC_DIR SHARED_DIR ARTIFACT_DIR
set -euo pipefail
bin=$1 src=$2 shared=$3 artifacts=$4
here=$(cd "$(dirname "$0")" && pwd)

if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "browser test: /usr/bin/chromium is missing (apt-get install chromium, as root)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
fi
command -v npm >/dev/null || { echo "browser test: npm is missing" >&2; exit 1; }
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

work=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

"$bin/gazette-index" --db "$work/news.db" --quiet "$src/corpus/seed" "$src/corpus/samples" \
    "$shared"/corpora/reuters21578/reut2-*.sgm >/dev/null 2>&1 || true
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
node "$here/search_page_test.mjs" "$url" "$artifacts"
echo "screenshots: $artifacts/search-page.png, $artifacts/search-page-phone.png"
