#!/usr/bin/env bash
# Install what is missing, build, and run every test (unit and end to end) with ctest.
# Exits non-zero on any failure. GAZETTE_SHARED points at the shared corpora (default ../shared).
# build/ is configured as scripts/build.sh configures it (warnings are errors when CI is set:
# CMakeLists.txt), so after scripts/demo.sh only the tests' own sources compile.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
shared=${GAZETTE_SHARED:-$(cd .. && pwd)/shared}
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DGAZETTE_SHARED_DIR="$shared" >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j2
