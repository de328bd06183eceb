# Fresh Debian 12 roots for package_test.sh, sourced by it. They are made as
# ../shared/tools/fresh-debian-root.sh makes its own, from the same cached base root (that
# script makes the cache when it is missing; this file never runs debootstrap), but each one
# lives until removed: the package test carries a file out of one root into the next, which the
# shared script (one root per call, removed when its commands end) cannot do.
#
#   root_make VAR                a new root, its path in VAR: the committed tree (git archive
#                                HEAD) at /srv/project, /proc, /sys and /dev mounted, the
#                                host's resolv.conf
#   root_run "$root" 'COMMAND'   runs COMMAND as root from /srv/project, clean environment
#   root_remove "$root"          unmounts and deletes it (roots_remove_all: every one made)

fresh_root_cache=${FRESH_ROOT_CACHE:-/var/tmp/fresh-debian-root}
fresh_root_base=$fresh_root_cache/bookworm-minbase.tar
fresh_roots=()

root_make() {
    local top shared_tool new_root  # (not "root": the caller's VAR may be named so)
    top=$(git rev-parse --show-toplevel) || return 1
    if [ ! -s "$fresh_root_base" ]; then
        shared_tool=$top/../shared/tools/fresh-debian-root.sh
        echo "package test: no cached base root; making it with $shared_tool" >&2
        bash "$shared_tool" true >&2 || return 1
    fi
    new_root=$(mktemp -d "${TMPDIR:-/tmp}/package-root.XXXXXX") || return 1
    fresh_roots+=("$new_root")  # before anything is mounted in it, so that it is always removed
    printf -v "$1" '%s' "$new_root"
    tar -C "$new_root" -xf "$fresh_root_base" || return 1
    mkdir -p "$new_root/srv/project"
    (cd "$top" && git archive HEAD) | tar -x -C "$new_root/srv/project" || return 1
    cp /etc/resolv.conf "$new_root/etc/resolv.conf" 2>/dev/null
    mount -t proc proc "$new_root/proc" && mount --rbind /sys "$new_root/sys" &&
        mount --rbind /dev "$new_root/dev" || return 1
}

root_run() {
    chroot "$1" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        TERM=dumb LANG=C.UTF-8 bash -c "cd /srv/project && $2" </dev/null
}

root_remove() {
    local m
    for m in dev/pts dev sys proc; do umount -l "$1/$m" 2>/dev/null; done
    rm -rf --one-file-system "$1"
}

roots_remove_all() {
    local root
    for root in "${fresh_roots[@]}"; do [ -d "$root" ] && root_remove "$root"; done
    fresh_roots=()
}
