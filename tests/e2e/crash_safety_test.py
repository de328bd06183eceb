#!/usr/bin/env python3
"""Crash safety: gazette-index killed with SIGKILL at random points of real bulk runs over
Reuters-21578, in the three situations a run can be in:

  merged-new       a new database: scratch shards in DB.gazette-work, compacted at the end
  merged-existing  the same inputs merged into a small existing database (compaction of
                   target + shards into DB.gazette-new, then a swap by two renames)
  in-place         a small update (.gz copies of 2 files) to a large database, one writer

Half the merged kills are timed from the moment DB.gazette-new appears, so the compaction
and the swap are hit on purpose, not by luck. After each kill: the database, where it
exists, opens, passes xapian-check and holds exactly the articles of a commit (merged: the
target as it was before the run or the complete result, nothing in between; in place: the
base plus a prefix, in input order, of the update); then the same command, run again,
finishes with exactly the ids of an uninterrupted run, none twice, none missing.

Usage: crash_safety_test.py BIN_DIR SRC_DIR SHARED_DIR [--trials N] [--seed S]
(python3 standard library only; the seed is printed so a failure can be replayed)"""
import argparse
import collections
import gzip
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from checks import Checks

parser = argparse.ArgumentParser()
parser.add_argument("bin")
parser.add_argument("src")
parser.add_argument("shared")
parser.add_argument("--trials", type=int, default=20)
parser.add_argument("--seed", type=int, default=None)
args = parser.parse_args()
INDEX = os.path.join(args.bin, "gazette-index")
SEARCH = os.path.join(args.bin, "gazette-search")
REUTERS = os.path.join(args.shared, "corpora", "reuters21578")
seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 31)
print(f"seed {seed} (replay with --seed {seed})", flush=True)
rng = random.Random(seed)


checks = Checks(quiet_passes=True)
check = checks.check


def ids_of(db):
    """One id per document (xapian-delve lists value slot 1 = id), so duplicates show."""
    out = subprocess.run(["xapian-delve", "-1", "-V1", db], capture_output=True, text=True)
    if out.returncode != 0:
        return None
    ids = []
    for line in out.stdout.splitlines()[1:]:
        _, _, value = line.partition(":")
        ids.append(value)
    return ids


def database_sound(db, label):
    """Opens, passes xapian-check, answers a search; returns its ids (None when unsound)."""
    chk = subprocess.run(["xapian-check", db], capture_output=True, text=True)
    if not check(f"{label}: xapian-check {db}", chk.returncode == 0, chk.stdout[-400:] + chk.stderr):
        return None
    s = subprocess.run([SEARCH, "--db", db, "--json", "--no-snippets", "cocoa"],
                       capture_output=True, text=True)
    if not check(f"{label}: gazette-search opens it", s.returncode == 0, s.stderr):
        return None
    ids = ids_of(db)
    check(f"{label}: xapian-delve lists it", ids is not None)
    if ids is not None:
        check(f"{label}: no id twice", len(ids) == len(set(ids)),
              [i for i, n in collections.Counter(ids).items() if n > 1][:5])
    return ids


def input_order(files):
    """The ids of the Reuters files in the order gazette-index reads them."""
    order = []
    for path in files:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="latin-1") as f:
            order += ["reuters:" + n for n in re.findall(r'NEWID="(\d+)"', f.read())]
    return order


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


work = tempfile.mkdtemp(prefix="gazette-crash-")
try:
    merged_in = os.path.join(work, "merged-input")
    update_in = os.path.join(work, "update-input")
    os.makedirs(merged_in)
    os.makedirs(update_in)
    for n in range(0, 3):
        shutil.copy(os.path.join(REUTERS, f"reut2-{n:03}.sgm"), merged_in)
    for n in range(14, 16):  # compressed, so the update is small next to the database
        src = os.path.join(REUTERS, f"reut2-{n:03}.sgm")
        with open(src, "rb") as f, gzip.open(os.path.join(update_in, f"reut2-{n:03}.sgm.gz"), "wb") as g:
            g.write(f.read())
    update_files = sorted(os.path.join(update_in, f) for f in os.listdir(update_in))

    # --segment-mb 1: each writer of a merged run seals a segment about every other batch,
    # so kills also land in the middle of a segment roll.
    def index(db, inputs, threads=2):
        return [INDEX, "--db", db, "--threads", str(threads), "--batch-mb", "1", "--segment-mb", "1",
                "-q", inputs]

    # The bases: a small database (merged-existing) and a large one (in place).
    small = os.path.join(work, "small-base.db")
    large = os.path.join(work, "large-base.db")
    r = run([INDEX, "--db", small, "-q", os.path.join(REUTERS, "reut2-021.sgm")])
    check("small base indexed", r.returncode == 0, r.stderr)
    r = run([INDEX, "--db", large, "-q", "--batch-mb", "8"] +
            [os.path.join(REUTERS, f"reut2-{n:03}.sgm") for n in range(4, 12)])
    check("large base indexed", r.returncode in (0, 3), r.stderr)
    small_ids = set(ids_of(small))
    large_ids = set(ids_of(large))

    modes = {
        "merged-new": {"base": None, "inputs": merged_in},
        "merged-existing": {"base": small, "inputs": merged_in},
        "in-place": {"base": large, "inputs": update_in},
    }

    def fresh_db(mode, name):
        db = os.path.join(work, name)
        for leftover in (db, db + ".gazette-work", db + ".gazette-new", db + ".gazette-old"):
            shutil.rmtree(leftover, ignore_errors=True)
        if modes[mode]["base"]:
            shutil.copytree(modes[mode]["base"], db)
        return db

    # Uninterrupted runs: the expected ids, the exit status, how long a run and its merge take.
    for mode, m in modes.items():
        db = fresh_db(mode, "reference.db")
        start = time.monotonic()
        proc = subprocess.Popen(index(db, m["inputs"]), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        merge_start = None
        while proc.poll() is None:
            if merge_start is None and os.path.exists(db + ".gazette-new"):
                merge_start = time.monotonic()
            time.sleep(0.002)
        out, err = proc.communicate()
        m["seconds"] = time.monotonic() - start
        m["merge_seconds"] = (time.monotonic() - merge_start) if merge_start else 0
        m["status"] = proc.returncode
        m["summary"] = out
        m["expected"] = ids_of(db)
        check(f"{mode}: uninterrupted run exits 0 or 3", proc.returncode in (0, 3), err)
        print(f"{mode}: uninterrupted run {m['seconds']:.2f} s (merge {m['merge_seconds']:.2f} s), "
              f"{len(m['expected'])} articles, exit {proc.returncode}", flush=True)
    check("in-place: the update is written in place", "updated in place" in modes["in-place"]["summary"],
          modes["in-place"]["summary"])
    check("merged-existing: the run merges", "merged" in modes["merged-existing"]["summary"],
          modes["merged-existing"]["summary"])
    new_ids = set(modes["merged-new"]["expected"])
    check("merged-new: expected ids are the input's", new_ids == set(input_order(
        sorted(os.path.join(merged_in, f) for f in os.listdir(merged_in)))) - {""}, len(new_ids))
    check("merged-existing: expected = base + input", set(modes["merged-existing"]["expected"]) ==
          small_ids | new_ids)
    update_order = [i for i in input_order(update_files) if i in set(modes["in-place"]["expected"])]
    check("in-place: expected = base + update",
          set(modes["in-place"]["expected"]) == large_ids | set(update_order))

    # The kill points: a third in place, the rest merged; half the merged ones in the merge.
    plan = []
    for t in range(args.trials):
        mode = ["merged-new", "merged-existing", "in-place"][t % 3]
        m = modes[mode]
        if mode != "in-place" and rng.random() < 0.5:
            plan.append((mode, "merge", rng.uniform(0, m["merge_seconds"] * 1.2)))
        else:
            # Runs vary in length on a busy machine: draw from the first 70% so most land mid-run.
            plan.append((mode, "start", rng.uniform(0.05, m["seconds"] * 0.7)))

    outcomes = collections.Counter()
    for t, (mode, anchor, delay) in enumerate(plan, 1):
        m = modes[mode]
        db = fresh_db(mode, f"trial-{t}.db")
        before = set(ids_of(db)) if m["base"] else None
        cmd = index(db, m["inputs"])
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        start = time.monotonic()
        t0 = start if anchor == "start" else None
        while proc.poll() is None:
            if t0 is None and os.path.exists(db + ".gazette-new"):
                t0 = time.monotonic()
            if t0 is not None and time.monotonic() - t0 >= delay:
                break
            time.sleep(0.002)
        in_merge = os.path.exists(db + ".gazette-new")
        finished = proc.poll() is not None
        if not finished:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        at = time.monotonic() - start
        label = f"trial {t} ({mode}, SIGKILL at {at:.3f} s" + (" in the merge" if in_merge else "") + ")"

        state = "absent"
        if os.path.exists(db) or os.path.exists(db + ".gazette-old"):
            shown = db if os.path.exists(db) else db + ".gazette-old"
            ids = database_sound(db, label) if os.path.exists(db) else None
            check(f"{label}: the target is in place", os.path.exists(db), shown)
            if ids is not None:
                got = set(ids)
                if mode == "merged-new":
                    ok = got == new_ids
                    state = "complete"
                elif mode == "merged-existing":
                    ok = got in (before, set(m["expected"]))
                    state = "unchanged" if got == before else "complete"
                else:
                    added = got - before
                    k = len(added)
                    ok = before <= got and added == set(update_order[:k])
                    state = f"base + first {k} of {len(update_order)}"
                    if k in (0, len(update_order)):
                        state = "unchanged" if k == 0 else "complete"
                check(f"{label}: holds exactly the articles of a commit ({state})", ok,
                      f"{len(got)} ids")
        outcomes[(mode, "killed" if not finished else "had finished", state)] += 1

        r = run(cmd)
        check(f"{label}: the same command finishes", r.returncode == m["status"],
              f"exit {r.returncode}: {r.stderr[-600:]}")
        ids = database_sound(db, label + " after the re-run")
        if ids is not None:
            check(f"{label}: re-run ends with exactly the expected ids",
                  sorted(ids) == sorted(m["expected"]),
                  f"{len(ids)} ids, {len(set(m['expected']) - set(ids))} missing, "
                  f"{len(set(ids) - set(m['expected']))} extra")
        for leftover in (".gazette-work", ".gazette-new", ".gazette-old"):
            check(f"{label}: no {leftover} left", not os.path.exists(db + leftover))
        print(f"{label}: after the kill {state}; re-run exit {r.returncode}"
              f"{' (resumed)' if 'resumed' in r.stdout else ''}; {len(ids or [])} ids", flush=True)
        shutil.rmtree(db, ignore_errors=True)

    print("kills:", len(plan), "by outcome:")
    for (mode, how, state), n in sorted(outcomes.items()):
        print(f"  {mode:16} {how:13} {state}: {n}")
finally:
    shutil.rmtree(work, ignore_errors=True)

checks.finish()
