#!/usr/bin/env bash
# Builds the Debian package: installs what is missing (scripts/install-deps.sh --package),
# builds the programs and man pages into build-deb/ (Release, no tests) and runs CPack, which
# leaves build-deb/gazette_VERSION_ARCH.deb (installing to /usr; packaging/CMakeLists.txt) and
# prints its path last. Further arguments go to cmake's configure step (-DGAZETTE_WERROR=ON).
# Install it with `apt install ./build-deb/gazette_*.deb` (docs/install.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --package
cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DGAZETTE_BUILD_TESTS=OFF "$@" >/dev/null
cmake --build build-deb -j"$(nproc)"
rm -f build-deb/gazette_*.deb
(cd build-deb && cpack -G DEB >/dev/null)
ls "$PWD"/build-deb/gazette_*.deb
