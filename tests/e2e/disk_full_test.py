#!/usr/bin/env python3
"""Disk full: gazette-index on a small filesystem that fills up, on Reuters-21578.

The test mounts a tmpfs of its own (as root: `mount -t tmpfs -o size=16m`); where mounting is
not permitted it falls back to a file size limit (RLIMIT_FSIZE, with SIGXFSZ ignored so writes
fail with EFBIG instead of killing the process) and says so. Two runs fill it up:

  merged   4 Reuters files merged into a small existing database: the scratch shards fill
           the disk
  in place a small update to the database, with the disk nearly full already

Each must exit non-zero with a clear message on stderr naming the problem, and leave the
database valid at its last commit: it passes xapian-check, opens, answers a search, and holds
exactly the articles it held before. Then, with room again (the tmpfs remounted larger, the
filler deleted), the same command finishes with exactly the expected ids.

Usage: disk_full_test.py BIN_DIR SRC_DIR SHARED_DIR   (python3 standard library only)"""
import gzip
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

from checks import Checks
from databases import check_sound, ids_of
from support import tree_bytes

BIN, SRC, SHARED = sys.argv[1:4]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
REUTERS = os.path.join(SHARED, "corpora", "reuters21578")


checks = Checks()
check = checks.check


def sound(db, label, expected):
    check_sound(check, SEARCH, db, label, expected)


work = tempfile.mkdtemp(prefix="gazette-diskfull-")
small = os.path.join(work, "small")
os.makedirs(small)
mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", small],
                         capture_output=True, text=True).returncode == 0
limit = 16 << 20
print("filling up:", "a tmpfs of 16 MB mounted by the test" if mounted
      else f"no mount permitted here: RLIMIT_FSIZE of {limit} bytes per file instead", flush=True)


def limited():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # inherited: writes fail with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def index(*args, limit_files=not mounted):
    return subprocess.run([INDEX, *args], capture_output=True, text=True,
                          preexec_fn=limited if limit_files else None)


def clear_message(stderr):
    return re.search(r"No space left on device|File too large|disk full", stderr, re.I) is not None


try:
    inputs = os.path.join(work, "inputs")
    os.makedirs(inputs)
    for n in range(0, 4):
        shutil.copy(os.path.join(REUTERS, f"reut2-{n:03}.sgm"), inputs)

    # --- merged: the scratch shards fill the disk ---------------------------------------------
    db = os.path.join(small, "news.db")
    r = index("--db", db, "-q", os.path.join(REUTERS, "reut2-021.sgm"))
    check("a small database fits", r.returncode == 0, r.stderr)
    before = ids_of(db)
    cmd = ["--db", db, "--threads", "2", "--batch-mb", "1", "-q", inputs]
    r = index(*cmd)
    print("merged run stderr:", r.stderr.strip()[-300:], flush=True)
    check("merged: disk full exits 1", r.returncode == 1, r.returncode)
    check("merged: stderr names the problem", clear_message(r.stderr), r.stderr)
    sound(db, "merged, after the disk filled up", before)
    if mounted:
        subprocess.run(["mount", "-o", "remount,size=256m", small], check=True)
        r = index(*cmd)
        check("merged: with room again the same command finishes", r.returncode == 0, r.stderr)
        reference = os.path.join(work, "reference.db")
        index("--db", reference, "-q", os.path.join(REUTERS, "reut2-021.sgm"), limit_files=False)
        index("--db", reference, "-q", inputs, limit_files=False)
        sound(db, "merged, finished with room", ids_of(reference))

    # --- in place: a small update with the disk nearly full -----------------------------------
    # A slice of one Reuters file, compressed, so the update is small next to the database
    # and gazette-index writes it in place.
    with open(os.path.join(REUTERS, "reut2-005.sgm"), encoding="latin-1") as f:
        records = f.read().split("</REUTERS>")
    update = os.path.join(work, "update.sgm.gz")
    with gzip.open(update, "wt", encoding="latin-1") as g:
        g.write("</REUTERS>".join(records[:150]) + "</REUTERS>\n")
    shutil.rmtree(db, ignore_errors=True)
    shutil.rmtree(db + ".gazette-work", ignore_errors=True)
    r = index("--db", db, "-q", os.path.join(REUTERS, "reut2-021.sgm"))
    check("in place: the small database is made again", r.returncode == 0, r.stderr)
    before = ids_of(db)
    filler = os.path.join(small, "filler")
    if mounted:
        st = os.statvfs(small)
        free = st.f_bavail * st.f_frsize
        with open(filler, "wb") as f:  # leave 64 KB: less than the update's new blocks
            f.write(b"\0" * max(0, free - (64 << 10)))
    cmd = ["--db", db, "--threads", "2", "--batch-mb", "1", update]
    if not mounted:
        limit = os.path.getsize(os.path.join(db, "postlist.glass")) + (64 << 10)
    r = index(*cmd)
    print("in-place run stdout:", r.stdout.strip()[-200:], "stderr:", r.stderr.strip()[-300:],
          flush=True)
    check("in place: disk full exits 1", r.returncode == 1, r.returncode)
    check("in place: stderr names the problem", clear_message(r.stderr), r.stderr)
    sound(db, "in place, after the disk filled up", before)
    if mounted:
        os.remove(filler)
        r = index(*cmd)
        check("in place: with room again the same command finishes", r.returncode == 0, r.stderr)
        check("in place: and it was written in place", "updated in place" in r.stdout, r.stdout)
        new = ["reuters:" + n for n in re.findall(r'NEWID="(\d+)"', "".join(records[:150]))]
        sound(db, "in place, finished with room", before + new)

    # --- consolidated: room for the merged database, not for a one-pass merge ----------------
    # A one-pass merge needs the segments' whole size free beside them, about twice what the
    # merged database takes. The tmpfs is sized between the two: the segments, then half way
    # between the database's size and theirs. Sizes from a reference run on the real disk.
    if mounted:
        os.remove(os.path.join(small, "filler")) if os.path.exists(filler) else None
        shutil.rmtree(db, ignore_errors=True)
        eight = os.path.join(work, "eight")
        os.makedirs(eight)
        for n in range(4, 12):
            shutil.copy(os.path.join(REUTERS, f"reut2-{n:03}.sgm"), eight)
        cmd = ["--threads", "2", "--batch-mb", "1", "--segment-mb", "1", "-q", eight]


        reference = os.path.join(work, "consolidated-reference.db")
        run = subprocess.Popen([INDEX, "--db", reference, *cmd], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        segments = 0
        while run.poll() is None:
            segments = max(segments, tree_bytes(reference + ".gazette-work"))
        merged = tree_bytes(reference)
        mb = 1 << 20
        print(f"consolidated: segments {segments / mb:.1f} MB, merged {merged / mb:.1f} MB",
              flush=True)
        check("consolidated: the reference run made segments larger than its database",
              run.returncode == 0 and merged < segments, (run.returncode, segments, merged))
        size = (segments + (segments + merged) // 2) // mb + 1
        subprocess.run(["mount", "-o", f"remount,size={size}m", small], check=True)
        r = index("--db", db, *cmd)
        print("consolidated run:", r.stdout.strip()[-300:], r.stderr.strip()[-300:], flush=True)
        check("consolidated: the merge fits once segments are consolidated", r.returncode == 0,
              r.stderr)
        check("consolidated: the summary says segments were compacted first",
              re.search(r"short of disk space, \d+ runs? compacted \d+ segments first", r.stdout)
              is not None, r.stdout)
        sound(db, "consolidated", ids_of(reference))
        check("consolidated: no work folder is left", not os.path.exists(db + ".gazette-work"))
finally:
    if mounted:
        subprocess.run(["umount", small])
    shutil.rmtree(work, ignore_errors=True)

checks.finish()
