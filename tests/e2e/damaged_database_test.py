#!/usr/bin/env python3
"""A damaged, truncated or foreign database, or one of a newer schema version: gazette-search,
gazette-index and the HTTP service at start-up each stop with a clear message that names the
database and a non-zero status, never a crash (no signal) and never a hang.

Damage made here, each on a copy of a database of corpus/ + one Reuters file: the postlist
table truncated, the version file (iamglass) empty or garbage, an empty folder, a folder of
no database, a newer schema version (xapian-metadata), and blocks overwritten with random
bytes (seeded). Overwritten blocks can go unnoticed (Xapian has no block checksums): there a
program may also answer normally, but still must not crash; gazette-index is not run on
them (see docs/reliability.md: libxapian itself can crash writing over garbled blocks).

Usage: damaged_database_test.py BIN_DIR SRC_DIR SHARED_DIR   (python3 standard library only)"""
import os
import random
import shutil
import subprocess
import sys
import tempfile

from checks import Checks

BIN, SRC, SHARED = sys.argv[1:4]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")


checks = Checks()
check = checks.check


def run(cmd, timeout=30):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(cmd, "hang", "", str(e))


work = tempfile.mkdtemp(prefix="gazette-damaged-")
try:
    good = os.path.join(work, "good.db")
    r = run([INDEX, "--db", good, "-q", os.path.join(SRC, "corpus"),
             os.path.join(SHARED, "corpora", "reuters21578", "reut2-000.sgm")], timeout=300)
    check("the good database is made", r.returncode in (0, 3), r.stderr)
    seed_input = os.path.join(SRC, "corpus", "seed")
    rng = random.Random(20240501)

    def copy(name):
        db = os.path.join(work, name)
        shutil.copytree(good, db)
        return db

    def overwrite(db, table, blocks):
        path = os.path.join(db, table)
        size = os.path.getsize(path)
        with open(path, "r+b") as f:
            for _ in range(blocks):
                f.seek(rng.randrange(8192, max(8193, size - 512)))
                f.write(rng.randbytes(512))

    cases = {}
    db = copy("truncated.db")
    os.truncate(os.path.join(db, "postlist.glass"), 5000)
    cases["truncated postlist"] = (db, True)
    db = copy("empty-version.db")
    open(os.path.join(db, "iamglass"), "w").close()
    cases["empty version file"] = (db, True)
    db = copy("garbage-version.db")
    with open(os.path.join(db, "iamglass"), "wb") as f:
        f.write(rng.randbytes(300))
    cases["garbage version file"] = (db, True)
    db = os.path.join(work, "empty-folder.db")
    os.makedirs(db)
    cases["empty folder"] = (db, True)
    db = os.path.join(work, "not-a-database.db")
    os.makedirs(db)
    with open(os.path.join(db, "notes.txt"), "w") as f:
        f.write("hello\n")
    cases["folder of no database"] = (db, True)
    db = copy("newer-schema.db")
    subprocess.run(["xapian-metadata", "set", db, "gazette:schema-version", "99"], check=True)
    cases["newer schema version"] = (db, True)
    for n in range(6):
        db = copy(f"garbled-{n}.db")
        overwrite(db, ["postlist.glass", "termlist.glass", "docdata.glass"][n % 3], 4)
        cases[f"garbled blocks {n + 1}"] = (db, False)

    for what, (db, must_fail) in cases.items():
        name = os.path.basename(db)
        r = run([SEARCH, "--db", db, "--json", "harbour"])
        ok = r.returncode in (1, 2) and name in r.stderr or (not must_fail and r.returncode == 0)
        check(f"{what}: gazette-search says which database, no crash (exit {r.returncode})", ok,
              r.stderr)
        if must_fail:
            r = run([INDEX, "--db", db, "-q", seed_input])
            check(f"{what}: gazette-index says which database, no crash (exit {r.returncode})",
                  r.returncode in (1, 2) and name in r.stderr, r.stderr)
        r = run([SEARCH, "serve", "--db", db, "--listen", "127.0.0.1:0", "--quiet"], timeout=5)
        started = r.returncode == "hang"  # it served: only garbled blocks may go unnoticed
        ok = (r.returncode in (1, 2) and name in r.stderr) or (not must_fail and started)
        check(f"{what}: the server at start-up says which database, no crash "
              f"({'served' if started else 'exit ' + str(r.returncode)})", ok, r.stderr)
        if must_fail:
            print("   message:", r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "")
finally:
    shutil.rmtree(work, ignore_errors=True)

checks.finish()
