"""Looking at a database the end-to-end scripts made: its ids, and whether it is sound."""
import subprocess


def ids_of(db):
    """The ids of `db`'s articles (value slot 1), sorted."""
    out = subprocess.run(["xapian-delve", "-1", "-V1", db], capture_output=True, text=True)
    return sorted(line.partition(":")[2] for line in out.stdout.splitlines()[1:])


def check_sound(check, search, db, label, expected, query="reuter"):
    """Checks that `db` passes xapian-check, answers `query` through gazette-search `search`,
    and holds exactly the ids `expected`."""
    chk = subprocess.run(["xapian-check", db], capture_output=True, text=True)
    check(f"{label}: the database passes xapian-check", chk.returncode == 0, chk.stdout[-400:])
    s = subprocess.run([search, "--db", db, "--json", "--no-snippets", query],
                       capture_output=True, text=True)
    check(f"{label}: the database opens and answers a search",
          s.returncode == 0 and '"results"' in s.stdout, s.stderr)
    got = ids_of(db)
    check(f"{label}: it holds exactly the expected articles ({len(expected)})",
          got == sorted(expected), f"{len(got)} ids")
