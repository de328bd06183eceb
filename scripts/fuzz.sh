#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) into build-fuzz/ and runs each for a
# bounded time after its kept regression inputs; non-zero exit on any crash, hang, leak or
# sanitizer report. Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 20; CI uses it)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/install-deps.sh --fuzz
CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGAZETTE_FUZZ=ON -DGAZETTE_WERROR=ON \
    -DGAZETTE_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_jsonl fuzz_text fuzz_sgml fuzz_html fuzz_warc \
    fuzz_compressed fuzz_query fuzz_snippet fuzz_nitf fuzz_newsml fuzz_rss fuzz_atom fuzz_trec
bash tests/fuzz/run_fuzzers.sh build-fuzz "${1:-20}"
