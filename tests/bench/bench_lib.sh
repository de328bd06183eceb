# Shell helpers shared by the benchmark drivers (sourced, not run). Needs bash 5
# ($EPOCHREALTIME) and GNU time at /usr/bin/time (package `time`) for peak memory.

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '%s: %s\n' "${0##*/}" "$*" >&2; exit 1; }

now() { echo "$EPOCHREALTIME"; }
elapsed() { python3 -c 'import sys; print("%.6f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$1" "$2"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# require_tool COMMAND DEBIAN_PACKAGE: installs the package with apt-get when the command is
# missing and we run as root, else fails.
require_tool() {
    command -v "$1" >/dev/null && return 0
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        log "$1 missing: installing $2"
        apt-get install -y "$2" >&2 || { apt-get update >&2 && apt-get install -y "$2" >&2; }
    fi
    command -v "$1" >/dev/null || die "$1 not found: install the Debian package $2"
}

# timed_run TSV KIND ENGINE RUN OUT [OK_STATUS...] -- COMMAND...
# Runs COMMAND with stdout to OUT.stdout, stderr to OUT.stderr and GNU time's report to
# OUT.time; wall clock is measured here around the process. Appends
#   KIND ENGINE RUN wall_seconds OUT.stdout max_rss_kb
# to TSV. Exit statuses other than 0 and the OK_STATUS values are fatal (stderr shown).
timed_run() {
    local tsv=$1 kind=$2 engine=$3 run=$4 out=$5
    shift 5
    local ok=(0)
    while [[ $1 != -- ]]; do ok+=("$1"); shift; done
    shift
    local t0 t1 rc=0
    t0=$(now)
    /usr/bin/time -v -o "$out.time" "$@" > "$out.stdout" 2> "$out.stderr" || rc=$?
    t1=$(now)
    if [[ " ${ok[*]} " != *" $rc "* ]]; then
        tail -n 20 "$out.stderr" >&2
        die "$kind/$engine run $run failed with status $rc: $*"
    fi
    local rss
    rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$out.time")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$engine" "$run" "$(elapsed "$t0" "$t1")" \
        "$out.stdout" "${rss:-0}" >> "$tsv"
}

# build_enquire_loop SRC BIN_DIR DEST: the plain-Xapian search loop, from the CMake target
# in BIN_DIR if it is newer than its source, else compiled here (not timed).
build_enquire_loop() {
    local src=$1 bin_dir=$2 dest=$3
    if [[ -x $bin_dir/xapian-enquire-loop && $bin_dir/xapian-enquire-loop -nt $src ]]; then
        cp "$bin_dir/xapian-enquire-loop" "$dest"
        return
    fi
    log "compiling ${src##*/} (not timed)"
    local flags
    flags=$(pkg-config --cflags --libs xapian-core 2>/dev/null || echo -lxapian)
    # shellcheck disable=SC2086
    "${CXX:-g++}" -O2 -std=c++20 -o "$dest" "$src" $flags
}

# tree_revision REPO: HEAD's short hash, "+dirty" if tracked files differ.
tree_revision() {
    local rev
    rev=$(git -C "$1" rev-parse --short HEAD 2>/dev/null || echo unknown)
    [[ -z $(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null) ]] || rev="$rev+dirty"
    echo "$rev"
}
