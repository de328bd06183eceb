#!/usr/bin/env bash
# `cmake --install` of a build into scratch prefixes, as docs/install.md describes it:
#   --prefix P: programs, man pages, units, the sysusers.d file and the docs under P; the units
#     run P's programs; the man pages are help2man's, with the examples verbatim; the installed
#     programs run; systemd-analyze verify accepts the units without a word (where the machine
#     has systemd-analyze: package_test.sh always checks the packaged units with it);
#   DESTDIR=D --prefix /usr (what CPack does for the .deb): the units in D/lib/systemd/system,
#     running /usr/bin's programs.
# Seconds; no root needed. Usage: install_tree_test.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "install tree test: FAIL: $*" >&2; exit 1; }
pages=(gazette-index gazette-search gazette-search-serve gazette-generate)
units=(gazette-search.service gazette-index.service gazette-index.timer gazette-index-watch.service)

prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
expected=(bin/gazette-index bin/gazette-search bin/gazette-generate lib/sysusers.d/gazette.conf
    share/doc/gazette/README.md share/doc/gazette/docs/install.md)
for page in "${pages[@]}"; do expected+=("share/man/man1/$page.1.gz"); done
for unit in "${units[@]}"; do expected+=("lib/systemd/system/$unit"); done
for f in "${expected[@]}"; do
    [ -s "$prefix/$f" ] || fail "cmake --install --prefix put no $f"
done
for prog in gazette-index gazette-search; do
    "$prefix/bin/$prog" --version | grep -q "^$prog " || fail "installed $prog --version"
    grep -qx "ExecStart=$prefix/bin/$prog .*" "$prefix/lib/systemd/system/$prog.service" ||
        fail "$prog.service does not run $prefix/bin/$prog"
done
for page in "${pages[@]}"; do
    roff=$(gzip -dc "$prefix/share/man/man1/$page.1.gz")
    grep -Eq "^\.TH \"?${page^^}\"? \"1\"" <<<"$roff" || fail "$page.1: no .TH $page 1"
    grep -q '^\.SH "SEE ALSO"' <<<"$roff" || fail "$page.1: no SEE ALSO (its .h2m include)"
    # help2man sets `  $ command` lines of --help's Examples verbatim, in a constant-width font.
    grep -q '^\\f(CW\$ gazette' <<<"$roff" || fail "$page.1: the examples are not verbatim"
done
if command -v systemd-analyze >/dev/null; then
    # It also looks up each Documentation= man page with man(1), where man-db is installed.
    man_check=--man=yes
    command -v man >/dev/null || {
        man_check=--man=no
        echo "install tree test: no man(1) here; the units' Documentation= pages are not looked up"
    }
    verdict=$(cd "$prefix/lib/systemd/system" &&
        MANPATH=$prefix/share/man systemd-analyze verify "$man_check" "${units[@]}" 2>&1) ||
        fail "systemd-analyze verify: $verdict"
    [ -z "$verdict" ] || fail "systemd-analyze verify warns: $verdict"
else
    echo "install tree test: no systemd-analyze here; the units are not verified"
fi

DESTDIR=$work/stage cmake --install "$build" --prefix /usr >/dev/null
for unit in "${units[@]}"; do
    [ -s "$work/stage/lib/systemd/system/$unit" ] || fail "DESTDIR install with prefix /usr: no /lib/systemd/system/$unit"
done
grep -qx 'ExecStart=/usr/bin/gazette-search serve .*' "$work/stage/lib/systemd/system/gazette-search.service" ||
    fail "DESTDIR install with prefix /usr: gazette-search.service does not run /usr/bin/gazette-search"
[ -s "$work/stage/usr/lib/sysusers.d/gazette.conf" ] || fail "DESTDIR install: no /usr/lib/sysusers.d/gazette.conf"
echo "install tree test: ok"
