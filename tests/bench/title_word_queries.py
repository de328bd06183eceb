#!/usr/bin/env python3
"""Prints N queries of 1-4 title words of random articles of a Gazette database (seeded),
one per line, for search_rounds.py. Needs python3-xapian (/usr/bin/python3).
Usage: title_word_queries.py DB [N] [SEED]"""
import json
import random
import re
import sys

import xapian


def main(path, count=400, seed=7):
    db = xapian.Database(path)
    rng = random.Random(seed)
    printed = 0
    while printed < count:
        try:
            doc = db.get_document(rng.randint(1, db.get_lastdocid()))
        except xapian.DocNotFoundError:
            continue
        words = [w for w in re.findall(r"[a-z]+", json.loads(doc.get_data()).get("title", "").lower())
                 if len(w) > 2]
        if words:
            print(" ".join(rng.sample(words, min(len(words), rng.choice([1, 2, 2, 3, 4])))))
            printed += 1


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:4]))
