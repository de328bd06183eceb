#!/usr/bin/env python3
"""Open-file limits: a merge that opens more files than the process may, on Reuters-21578.

The merge of a run opens every table of every segment at once (5 files each). With
`--segment-mb 1`, Reuters-21578 makes 14 segments: 70 files. Three runs of the same command:

  reference  no limit changed
  soft       soft limit 64, hard limit as it was: gazette-index raises the soft limit to the
             hard one, and merges in one go as the reference did
  hard       soft and hard limit 64: some segments are first compacted into fewer, and the
             summary says so

Each must end as the reference did, with a database that passes xapian-check, answers a search and holds
exactly the reference's ids.

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
    reference = os.path.join(work, "reference.db")
    r = index(reference)
    # Reuters-21578 has one record with neither title nor body: rejected, exit status 3.
    reference_status = r.returncode
    check("reference: finishes (exit 0, or 3 for the rejected record)", r.returncode in (0, 3),
          r.stderr[-300:])
    summary = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ""
    print("reference:", summary, flush=True)
    check("reference: more segments merged than the low limit allows (14 x 5 files > 64)",
          "14 segments merged" in summary, summary)
    expected = ids_of(reference)
    check("reference: holds the Reuters articles", len(expected) == 21577, len(expected))

    runs = [("hard", (LIMIT, LIMIT), True)]
    if hard == resource.RLIM_INFINITY or hard > LIMIT:
        runs.insert(0, ("soft", (LIMIT, hard), False))
    else:
        print(f"hard limit {hard}: the soft-limit run is skipped", flush=True)
    for label, limits, consolidates in runs:
        db = os.path.join(work, label + ".db")
        r = index(db, limits)
        summary = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ""
        print(f"{label}:", summary, r.stderr.strip()[-300:], flush=True)
        check(f"{label}: exits as the reference did ({reference_status})",
              r.returncode == reference_status, r.stderr[-300:])
        said = "short of open files" in summary
        check(f"{label}: segments {'are' if consolidates else 'are not'} compacted first",
              said == consolidates, summary)
        check_sound(check, SEARCH, db, label, expected, query="oil prices")
        check(f"{label}: no work folder is left", not os.path.exists(db + ".gazette-work"))
finally:
    shutil.rmtree(work, ignore_errors=True)

checks.finish()
