#!/usr/bin/env python3
"""Converts the HuffPost News Category sample (one JSON object per line with category,
headline, authors, link, short_description, date) into Gazette's article records, so tests
can index it with gazette-index. Usage: huffpost_to_jsonl.py IN.json > OUT.jsonl"""
import json
import re
import sys


def authors_of(text):
    # "Ron Dicker and Jane Smith, AP" -> ["Ron Dicker", "Jane Smith", "AP"]
    parts = re.split(r",\s*|\s+and\s+", text or "")
    return [p.strip() for p in parts if p.strip()]


def main(path):
    with open(path, encoding="utf-8") as src:
        for number, line in enumerate(src, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            out = {
                "id": "huffpost:%d" % number,
                "title": rec.get("headline", ""),
                "body": rec.get("short_description", ""),
                "date": rec.get("date", ""),
                "source": "HuffPost",
                "url": rec.get("link", ""),
                "authors": authors_of(rec.get("authors", "")),
                "section": rec.get("category", "").title(),
            }
            print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
