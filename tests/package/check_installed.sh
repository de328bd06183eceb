#!/usr/bin/env bash
# Runs inside package_test.sh's install root, a fresh Debian 12 root with the committed tree at
# /srv/project and nothing of Gazette's build dependencies: installs the .deb with apt, then
# checks that what it installed runs.
# Usage: bash tests/package/check_installed.sh /path/gazette_VERSION_ARCH.deb
set -euo pipefail
deb=$1
fail() { echo "package test: FAIL: $*" >&2; exit 1; }
ok() { echo "package test: ok: $*"; }
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }
# What building needs and running must not: scripts/install-deps.sh's libraries and tools.
build_deps=(libxapian-dev libboost-program-options-dev nlohmann-json3-dev zlib1g-dev libzstd-dev
    liblzma-dev libgumbo-dev libicu-dev libcpp-httplib-dev libgtest-dev help2man dpkg-dev)

for p in "${build_deps[@]}" gazette libxapian30; do
    ! installed "$p" || fail "$p is installed before the package"
done
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
installed gazette || fail "apt did not install $deb"
installed libxapian30 || fail "apt did not install libxapian30 with the package"
for p in "${build_deps[@]}"; do
    ! installed "$p" || fail "installing the package pulled in the build dependency $p"
done
ok "apt-get install $(basename "$deb") installed it and its Depends (libxapian30 ...), no build dependency"

version=$(dpkg-query -W -f='${Version}' gazette)
for prog in gazette-index gazette-search; do
    [ "$(command -v "$prog")" = "/usr/bin/$prog" ] || fail "$prog is not /usr/bin/$prog"
    dpkg -S "/usr/bin/$prog" | grep -q '^gazette: ' || fail "/usr/bin/$prog is not the package's"
    line=$("$prog" --version) || fail "$prog --version exited $?"
    [[ $line =~ ^$prog\ $version\ \(.*Xapian\ 1\.4\.[0-9]+\)$ ]] || fail "$prog --version: $line"
    ok "$line"
done

seed=(corpus/seed/*.jsonl)
seed_id=$(sed -n 's/^{.*"id": *"\([^"]*\)".*/\1/p' "${seed[0]}")
[ -n "$seed_id" ] || fail "no id in ${seed[0]}"
work=$(mktemp -d)
gazette-index --quiet --db "$work/news.db" corpus/seed corpus/samples
first=$(gazette-search --db "$work/news.db" --json --limit 1 Ukraine negotiations Witkoff)
grep -q "\"id\":\"$seed_id\"" <<<"$first" || fail "the seed article is not first: $first"
ok "gazette-search 'Ukraine negotiations Witkoff' over corpus/: first is $seed_id"

# The server, with its embedded search page, over loopback (bash's /dev/tcp: no curl here).
gazette-search serve --db "$work/news.db" --listen 127.0.0.1:0 --quiet 2>"$work/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
port=
for _ in $(seq 100); do
    port=$(sed -n 's|.* on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || fail "gazette-search serve printed no address: $(cat "$work/serve.log")"
http_get() {
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$1" >&3
    cat <&3
    exec 3<&-
}
answer=$(http_get '/api/search?q=Ukraine+negotiations+Witkoff&limit=1')
head -1 <<<"$answer" | grep -q ' 200 ' || fail "/api/search: $(head -1 <<<"$answer")"
grep -q "\"id\":\"$seed_id\"" <<<"$answer" || fail "/api/search did not answer $seed_id first"
page=$(http_get '/')
grep -qi '<html' <<<"$page" || fail "GET / is not the search page"
kill -TERM "$server"
wait "$server" || fail "gazette-search serve exited $? after SIGTERM"
trap - EXIT
ok "gazette-search serve on 127.0.0.1:$port answered /api/search and the search page"

pages=(gazette-index gazette-search gazette-search-serve gazette-generate)
for page in "${pages[@]}"; do
    [ -s "/usr/share/man/man1/$page.1.gz" ] || fail "no man page $page(1)"
done
[ -s /lib/systemd/system/gazette-search.service ] && [ -s /lib/systemd/system/gazette-index.timer ] ||
    fail "no systemd units in /lib/systemd/system"
grep -qx 'ExecStart=/usr/bin/gazette-search serve --db /var/lib/gazette/news.db --listen 127.0.0.1:8080' \
    /lib/systemd/system/gazette-search.service || fail "gazette-search.service does not run /usr/bin/gazette-search"

# What a server would also have, installed only now, after the checks above: man-db, to find
# the pages as a reader would, and systemd, whose systemd-sysusers the package's postinst uses
# to make the units' user, and whose systemd-analyze checks the installed units.
apt-get install -y -qq --no-install-recommends man-db systemd >/dev/null
for page in "${pages[@]}"; do
    [ "$(man -w "$page")" = "/usr/share/man/man1/$page.1.gz" ] || fail "man -w $page: $(man -w "$page" 2>&1)"
done
man gazette-search 2>/dev/null | grep -q 'GAZETTE_DB' || fail "man gazette-search does not render"
ok "man -w finds ${pages[*]}"
dpkg-reconfigure gazette
getent passwd gazette >/dev/null || fail "the postinst made no gazette user"
verdict=$(systemd-analyze verify /lib/systemd/system/gazette-search.service \
    /lib/systemd/system/gazette-index.service /lib/systemd/system/gazette-index.timer 2>&1) ||
    fail "systemd-analyze verify rejects the installed units: $verdict"
[ -z "$verdict" ] || fail "systemd-analyze verify warns about the installed units: $verdict"
ok "user gazette made; systemd-analyze verify accepts the installed units"
