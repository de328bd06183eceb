#!/usr/bin/env python3
"""Open-file limits: a merge that opens more files than the process may, on Reuters-21578.

The merge of a run opens every table of every segment at once (5 files each). With
`--segment-mb 1`, Reuters-21578 makes 14 segments: 70 files. Two runs of the same command:

  soft  soft limit 64, hard limit as it was: gazette-index raises the soft limit to the hard
        one and merges in one go (where the hard limit is 64 or less already, this run has
        no limit set and only serves as the reference)
  hard  soft and hard limit 64: some segments are first compacted into fewer, and the
        summary says so

Both must end alike (exit 3: Reuters has one rejected record), with databases that pass
xapian-check, answer a search and hold the same 21,577 ids.

Usage: open_files_test.py BIN_DIR SRC_DIR SHARED_DIR   (python3 standard library only)"""
import os
import resource
import shutil
import subprocess
import sys
import tempfile

from checks import Checks
from databases import check_sound, ids_of

BIN, SRC, SHARED = sys.argv[1:4]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
REUTERS = os.path.join(SHARED, "corpora", "reuters21578")
LIMIT = 64

checks = Checks()
check = checks.check


def index(db, limits=None):
    def limited():
        resource.setrlimit(resource.RLIMIT_NOFILE, limits)

    inputs = sorted(os.path.join(REUTERS, f) for f in os.listdir(REUTERS)
                    if f.startswith("reut2-") and f.endswith(".sgm"))
    return subprocess.run([INDEX, "--db", db, "--threads", "2", "--batch-mb", "1",
                           "--segment-mb", "1", "-q", *inputs],
                          capture_output=True, text=True, preexec_fn=limited if limits else None)


work = tempfile.mkdtemp(prefix="gazette-open-files-")
try:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    print(f"this process: soft limit {soft}, hard limit {hard}", flush=True)
    soft_possible = hard == resource.RLIM_INFINITY or hard > LIMIT
    if not soft_possible:
        print(f"hard limit {hard}: the soft run has no limit set, a reference only", flush=True)
    reference = os.path.join(work, "soft.db")
    r = index(reference, (LIMIT, hard) if soft_possible else None)
    summary = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ""
    print("soft:", summary, r.stderr.strip()[-300:], flush=True)
    # Reuters-21578 has one record with neither title nor body: rejected, exit status 3.
    reference_status = r.returncode
    check("soft: finishes (exit 0, or 3 for the rejected record)", r.returncode in (0, 3),
          r.stderr[-300:])
    check("soft: more segments merged than the low limit allows (14 x 5 files > 64)",
          "14 segments merged" in summary, summary)
    check("soft: merged in one go (the soft limit raised)", "short of" not in summary, summary)
    expected = ids_of(reference)
    check("soft: holds the Reuters articles", len(expected) == 21577, len(expected))
    check_sound(check, SEARCH, reference, "soft", expected, query="oil prices")

    db = os.path.join(work, "hard.db")
    r = index(db, (LIMIT, LIMIT))
    summary = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ""
    print("hard:", summary, r.stderr.strip()[-300:], flush=True)
    check(f"hard: exits as the soft run did ({reference_status})",
          r.returncode == reference_status, r.stderr[-300:])
    check("hard: segments are compacted first, for open files", "short of open files" in summary,
          summary)
    check_sound(check, SEARCH, db, "hard", expected, query="oil prices")
    for label, path in (("soft", reference), ("hard", db)):
        check(f"{label}: no work folder is left", not os.path.exists(path + ".gazette-work"))
finally:
    shutil.rmtree(work, ignore_errors=True)

checks.finish()
