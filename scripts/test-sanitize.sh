#!/usr/bin/env bash
# The whole test suite once more, built with AddressSanitizer + UndefinedBehaviorSanitizer
# (clang, GAZETTE_SANITIZE) in its own build directory, build-asan/. The end-to-end tests run the
# instrumented gazette-index and gazette-search, so a memory error, a leak at exit or undefined
# behaviour in any of them fails the test that ran it. CI (.ci/run) runs this after scripts/test.sh.
# clang rather than g++: g++ 12 took 48 s to compile searcher/engine/search.cc with
# -fsanitize=address,undefined at -O2 -g (10 s without them), clang 10 s with them; the whole
# sanitizer build took 19 of CI's minutes with g++.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
bash scripts/install-deps.sh --fuzz  # clang
shared=${GAZETTE_SHARED:-$(cd .. && pwd)/shared}
CC=clang CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGAZETTE_SANITIZE=ON -DGAZETTE_WERROR=ON \
    -DGAZETTE_CRASH_TRIALS=6 -DGAZETTE_CONCURRENCY_SECONDS=45 -DGAZETTE_EXPORT_ARCHIVE_SIZE=5000 \
    -DGAZETTE_ATTACK_QUERIES=3000 -DGAZETTE_MATCH_SET_QUERY_SHARE=4 -DGAZETTE_SHARED_DIR="$shared" >/dev/null
cmake --build build-asan -j"$(nproc)"
# --build-only: .ci/run builds this tree while the fresh root installs and builds its own.
[ "${1:-}" = "--build-only" ] && exit 0
# abort_on_error: a report ends the process with a signal the tests see as a crash;
# halt_on_error (ASan's default) and -fno-sanitize-recover (UBSan, CMakeLists.txt) stop at
# the first report, so nothing carries on after one.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Left out here, run by scripts/test.sh on every change: duplicates_measure (a measurement of
# the near-duplicate key's precision, no code of its own), e2e_crash_safety (SIGKILL trials),
# e2e_open_files (the OS's file limits), e2e_bulk and e2e_alerts (Reuters indexed many times
# over: 9 and 12 minutes under ASan), whose code the other tests run under the sanitizers too
# (e2e_foundation, e2e_year_shards and e2e_concurrency index in parallel and resume; e2e_watch
# fires alerts across a kill). With them this stage alone took 36 minutes of CI's 60. -j3 on
# two cores: the end-to-end tests spend much of their time waiting on servers and indexers.
ctest --test-dir build-asan --output-on-failure -j3 \
    -E '^(duplicates_measure|e2e_crash_safety|e2e_open_files|e2e_bulk|e2e_alerts)$'
