#!/usr/bin/env bash
# The Debian package end to end (issue #20, "install it like software"): built in one fresh
# Debian 12 root, installed with apt into a second that has never had the build dependencies,
# and run there.
#   1. build root: scripts/package.sh -DGAZETTE_WERROR=ON installs the build dependencies,
#      builds and makes build-deb/gazette_VERSION_ARCH.deb; the .deb is copied out and the
#      root removed.
#   2. the .deb's control fields and file list (dpkg-deb -I, -c) are printed and checked.
#   3. install root: `apt-get install ./gazette_*.deb` resolves its Depends from Debian's
#      mirror; check_installed.sh then runs the installed programs there (versions, man pages,
#      units, indexing corpus/ and searching it on the command line and over HTTP).
# Usage, as root from the checkout (CI runs it from .ci/run, not ctest: it needs root and makes
# its own roots): bash tests/package/package_test.sh
# Needs Debian's mirror and the cached base root of ../shared/tools/fresh-debian-root.sh (made
# by it when missing). Only committed files are seen (git archive HEAD). About 8 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(id -u)" -eq 0 ] || { echo "package test: must run as root (chroot, mount)" >&2; exit 2; }
source tests/package/fresh_roots.sh
out=$(mktemp -d "${TMPDIR:-/tmp}/package-test.XXXXXX")
trap 'roots_remove_all; rm -rf "$out"' EXIT
fail() { echo "package test: FAIL: $*" >&2; exit 1; }
SECONDS=0

echo "=== package test: building the .deb in a fresh Debian 12 root"
root_make build_root
root_run "$build_root" 'bash scripts/package.sh -DGAZETTE_WERROR=ON' || fail "scripts/package.sh failed"
debs=("$build_root"/srv/project/build-deb/gazette_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -s "${debs[0]}" ] || fail "no single build-deb/gazette_*.deb: ${debs[*]}"
deb=$out/$(basename "${debs[0]}")
cp "${debs[0]}" "$deb"
root_remove "$build_root"
echo "=== package test: $(basename "$deb") built after ${SECONDS}s"

dpkg-deb -I "$deb"
dpkg-deb -c "$deb"
depends=$(dpkg-deb -f "$deb" Depends)
# dpkg-shlibdeps found the libraries: the ones every program links, and httplib's for serve.
for lib in libxapian30 libboost-program-options1.74.0 libicu72 libgumbo1 libzstd1 liblzma5 \
    zlib1g libcpp-httplib0.11; do
    [[ ", $depends," == *", $lib "* ]] || fail "Depends lacks $lib: $depends"
done
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/gazette-index ./usr/bin/gazette-search ./usr/share/man/man1/gazette-search.1.gz \
    ./usr/share/man/man1/gazette-index.1.gz ./lib/systemd/system/gazette-search.service \
    ./lib/systemd/system/gazette-index.service ./lib/systemd/system/gazette-index.timer \
    ./usr/lib/sysusers.d/gazette.conf; do
    grep -qx -- "$f" <<<"$files" || fail "the .deb lacks $f"
done

echo "=== package test: installing it into a second fresh Debian 12 root"
root_make install_root
cp "$deb" "$install_root/srv/"
chmod 644 "$install_root/srv/$(basename "$deb")"
root_run "$install_root" "bash tests/package/check_installed.sh /srv/$(basename "$deb")" ||
    fail "tests/package/check_installed.sh failed in the install root"
echo "=== package test: passed after ${SECONDS}s"
