#!/usr/bin/env bash
# Installs the Debian packages Gazette needs, only those missing; quick when all are there.
# Usage: scripts/install-deps.sh [--test | --bench | --lint | --fuzz | --package]   (--test adds
# what the test suite runs besides our programs, --bench the peers the benchmarks compare with,
# --lint clang-format, --fuzz the clang that builds the fuzz targets, --package what CPack needs
# to make the Debian package)
# The one list of dependencies: README.md "Dependencies" explains each.
set -euo pipefail

packages=(
    cmake g++ make pkg-config        # the build
    libxapian-dev                    # the search engine library
    libboost-program-options-dev     # command-line and config-file options
    nlohmann-json3-dev               # JSON Lines records, --json output
    zlib1g-dev libzstd-dev           # .gz and .zst input
    liblzma-dev                      # .xz input
    libgumbo-dev                     # HTML pages (.html, and inside WARC crawls)
    libxml2-dev                      # NITF, NewsML-G2, RSS and Atom (streaming xmlTextReader)
    libicu-dev                       # name variants: transliteration and accent folding
    libroaring-dev                   # match sets as bitmaps: facets, totals, timelines
    libsimdjson-dev                  # reading the hits' stored articles
    libcpp-httplib-dev               # the HTTP service (gazette-search serve)
    libgtest-dev                     # unit tests (GoogleTest)
    python3                          # end-to-end test scripts read JSON with it
    xapian-tools                     # xapian-check, xapian-delve: inspecting databases
    help2man                         # the man pages, from the programs' --help (packaging/man)
    gzip
)
if [ "${1:-}" = "--test" ]; then
    # The browser test drives the search page in Debian's chromium through chromedriver;
    # e2e_ingest_formats makes a .zst file with zstd(1).
    packages+=(chromium chromium-driver zstd)
fi
if [ "${1:-}" = "--package" ]; then
    # cpack -G DEB: dpkg-shlibdeps (dpkg-dev) turns the programs' shared libraries into the
    # package's Depends, and CPack finds the programs among the files with file(1).
    packages+=(dpkg-dev file)
fi
if [ "${1:-}" = "--bench" ]; then
    # the peers (scriptindex, SQLite FTS5), load generators, GNU time for peak memory, and
    # Xapian's Python bindings, with which page_bench.py draws its queries from the index
    packages+=(xapian-omega sqlite3 wrk hyperfine time python3-xapian)
fi
if [ "${1:-}" = "--lint" ]; then
    packages+=(clang-format)  # scripts/check-format.sh
fi
if [ "${1:-}" = "--fuzz" ]; then
    packages+=(clang)  # libFuzzer and the sanitizers' runtimes (scripts/fuzz.sh, test-sanitize.sh)
fi

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO=sudo; else
        echo "install-deps: missing packages: ${missing[*]} (run as root to install them)" >&2
        exit 1
    fi
else
    SUDO=
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
