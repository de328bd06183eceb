#!/usr/bin/env python3
"""End to end: gazette-index on NITF, NewsML-G2, RSS, Atom and TREC files (tests/data/ingest,
written from the specifications). Per format: the fields, dates and ids of the stored
documents; rejected records counted and named by file, record and reason; a damaged file of
each format costing only its broken records; NewsML-G2 versions (a newer one replaces, an
older one never does, in one run and across runs); detection by content (.xml, no
extension), .gz and .zst; and the same story given as JSON Lines and as each format giving
the same document (its stored record, its terms and its values, and the same search hit).
Usage: ingest_formats_test.py BIN_DIR SRC_DIR SHARED_DIR"""
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from checks import Checks

BIN, SRC = sys.argv[1:3]
INDEX = os.path.join(BIN, "gazette-index")
SEARCH = os.path.join(BIN, "gazette-search")
DATA = os.path.join(SRC, "tests", "data", "ingest")

checks = Checks()
check = checks.check
work = tempfile.mkdtemp(prefix="gazette-ingest-")


def index(db, *inputs, extra=()):
    """Runs gazette-index; returns (exit status, stdout, stderr)."""
    p = subprocess.run([INDEX, "-q", "--db", db, *extra, *inputs], capture_output=True,
                       text=True, cwd=DATA)
    return p.returncode, p.stdout, p.stderr


def summary(stdout):
    """The numbers of the summary line."""
    m = re.search(r"indexed ([\d,]+) articles \(([\d,]+) added, ([\d,]+) replaced\), "
                  r"rejected ([\d,]+), warnings ([\d,]+), files ([\d,]+) read, .*?"
                  r"([\d,]+) records skipped", stdout)
    if not m:
        return None
    keys = ("indexed", "added", "replaced", "rejected", "warnings", "files", "skipped")
    return dict(zip(keys, (int(g.replace(",", "")) for g in m.groups())))


def delve(db, *args):
    return subprocess.run(["xapian-delve", *args, db], capture_output=True, text=True).stdout


def docid(db, article_id):
    out = delve(db, "-t", "Q" + article_id)
    m = re.search(r"\):\s*(\d+)", out)
    return m.group(1) if m else None


def document(db, article_id):
    """(stored record, sorted terms, values) of the article, or None when it is not there."""
    d = docid(db, article_id)
    if d is None:
        return None
    data = delve(db, "-r", d, "-d")
    record = json.loads(data[data.index("{"):].splitlines()[0])
    terms = sorted(delve(db, "-r", d, "-1").split("\n")[1:])
    values = delve(db, "-r", d, "-V")
    values = values[values.index(":") + 1:].strip()
    return record, terms, values


def stored(db, article_id):
    doc = document(db, article_id)
    return doc[0] if doc else None


def search(db, query):
    out = subprocess.run([SEARCH, "--db", db, "--json", "--limit", "50", query],
                         capture_output=True, text=True).stdout
    return json.loads(out) if out.strip() else {}


# --- NITF ------------------------------------------------------------------------------------
db = os.path.join(work, "nitf.db")
status, out, err = index(db, "nitf")
s = summary(out)
check("NITF: 2 documents indexed, the damaged one rejected (exit 3)",
      status == 3 and s and s["indexed"] == 2 and s["rejected"] == 1, (status, out, err))
check("NITF: the damaged file's rejection names the file, the document, its line and the reason",
      re.search(r"rejected nitf/damaged\.nitf: nitf document 1 \(line 2\): malformed XML: "
                r"line \d+: Opening and ending tag mismatch", err), err)
fr = stored(db, "gz-nitf-fr-0002")
check("NITF (ISO-8859-1, .xml found by its root): headline, accents decoded",
      fr and fr["title"] == "Le port de Marseille inaugure un nouveau quai", fr)
check("NITF: date.issue with a +0100 offset is 13:15 UTC",
      fr and fr.get("date") == "2024-03-05T13:15:00Z", fr)
check("NITF: xml:lang fr, online_sections as section, pubdata name as source",
      fr and fr["language"] == "fr" and fr.get("section") == "Économie"
      and fr.get("source") == "La Gazette du Port", fr)
check("NITF: byline <person>s are the authors; key-list keywords are tags",
      fr and fr.get("authors") == ["Hélène Martin", "Luc Bernard"]
      and fr.get("tags") == ["ports", "transport maritime"], fr)
check("NITF: identified-content location, person and org",
      fr and fr.get("places") == ["Marseille"] and fr.get("people") == ["Hélène Martin"]
      and fr.get("organizations") == ["Grand Port Maritime de Marseille"], fr)
check("NITF: body paragraphs one per line, the media caption kept as text",
      fr and fr["body"].startswith("Le Grand Port Maritime de Marseille a inauguré mardi")
      and fr["body"].count("\n") == 2 and "vu du ciel" in fr["body"], fr)
nodoc = stored(db, "no-doc-id.nitf")
check("NITF: without a doc-id the id is the file's path; date.release 20240110 is the date",
      nodoc and nodoc.get("date") == "2024-01-10", nodoc)

# --- NewsML-G2 -------------------------------------------------------------------------------
db = os.path.join(work, "newsml.db")
status, out, err = index(db, "newsml/message.xml")
s = summary(out)
check("NewsML-G2 message: 2 text newsItems indexed, packageItem and picture skipped and counted",
      status == 0 and s and s["indexed"] == 2 and s["skipped"] == 2 and s["rejected"] == 0,
      (status, out, err))
check("NewsML-G2: skipped items are counted, not printed (as WARC's non-page records)",
      "packageItem" not in err and "photo-cranes" not in err, err)
strike = stored(db, "urn:newsml:wire.example.com:20240306:strike")
check("NewsML-G2: guid is the id, version stored, contentMeta headline over NITF hl1",
      strike and strike.get("version") == 1
      and strike["title"] == "Dock workers call a strike for Friday", strike)
check("NewsML-G2: inline NITF body, by → author, provider name → source, subject → tag",
      strike and strike["body"] == "Dock workers at the container port will strike on Friday "
      "over pay, their union said." and strike.get("authors") == ["Tom Field"]
      and strike.get("source") == "Example Wire" and strike.get("tags") == ["labour"], strike)
check("NewsML-G2: firstCreated is the date when there is no contentCreated",
      strike and strike.get("date") == "2024-03-06T11:00:00Z", strike)
weather = stored(db, "urn:newsml:wire.example.com:20240306:weather")
check("NewsML-G2: inlineData text, language de, located → places, versionCreated date",
      weather and weather["language"] == "de" and weather.get("places") == ["Hamburg"]
      and weather["body"].startswith("Ein Sturm hat am Mittwoch")
      and weather.get("date") == "2024-03-06T11:20:00Z", weather)

status, out, err = index(db, "newsml/strike-v3.xml")
s = summary(out)
v3 = stored(db, "urn:newsml:wire.example.com:20240306:strike")
check("NewsML-G2: version 3 replaces version 1 (counted as replaced)",
      s and s["replaced"] == 1 and v3 and v3.get("version") == 3
      and v3["title"] == "Dock strike called off after overnight pay deal", (out, v3))
status, out, err = index(db, "newsml/strike-v2.xml")
s = summary(out)
kept = stored(db, "urn:newsml:wire.example.com:20240306:strike")
check("NewsML-G2: a later run with version 2 does not overwrite version 3",
      kept and kept.get("version") == 3
      and kept["title"] == "Dock strike called off after overnight pay deal", kept)
check("NewsML-G2: the older version is reported, not counted as replaced",
      s and s["replaced"] == 0 and "older versions of ids the database holds" in err, (out, err))
hits = search(db, "talks")
check("NewsML-G2: nothing of version 2 is searchable", hits.get("results") == [], hits)

db = os.path.join(work, "newsml-one-run.db")
status, out, err = index(db, "newsml/strike-v3.xml", "newsml/strike-v2.xml")
one = stored(db, "urn:newsml:wire.example.com:20240306:strike")
check("NewsML-G2: in one run, version 2 after version 3 leaves version 3",
      one and one.get("version") == 3, (one, out, err))
db = os.path.join(work, "newsml-in-order.db")
status, out, err = index(db, "newsml/strike-v2.xml", "newsml/strike-v3.xml")
ordered = stored(db, "urn:newsml:wire.example.com:20240306:strike")
check("NewsML-G2: in one run, version 3 after version 2 replaces it",
      ordered and ordered.get("version") == 3, (ordered, out, err))

db = os.path.join(work, "newsml-damaged.db")
status, out, err = index(db, "newsml/damaged.xml")
s = summary(out)
check("NewsML-G2 damaged: items 1 and 4 kept, 2 (broken tag) and 3 (bad version) rejected",
      status == 3 and s and s["indexed"] == 2 and s["rejected"] == 2
      and stored(db, "urn:newsml:wire.example.com:20240307:one")
      and stored(db, "urn:newsml:wire.example.com:20240307:four"), (out, err))
check("NewsML-G2 damaged: each rejection names its item, line and reason",
      re.search(r"damaged\.xml: item 2 \(line 9\): malformed XML: line 11: Opening and ending "
                r"tag mismatch: b line 11 and headline", err)
      and re.search(r"damaged\.xml: item 3 \(line 14\): version \"x1\" is not a positive", err),
      err)

# --- RSS -------------------------------------------------------------------------------------
db = os.path.join(work, "rss.db")
status, out, err = index(db, "rss")
s = summary(out)
check("RSS: 6 items indexed over three feeds, 3 rejected (no id, broken, cut off), 1 warning",
      status == 3 and s and s["indexed"] == 6 and s["rejected"] == 3 and s["warnings"] == 1,
      (out, err))
pilots = stored(db, "https://news.example.org/2024/03/05/pilots")
check("RSS: guid is the id; pubDate +0100 in UTC; author's name from \"addr (Name)\"",
      pilots and pilots.get("date") == "2024-03-05T15:45:00Z"
      and pilots.get("authors") == ["Tom Field"], pilots)
check("RSS: escaped HTML description reduced to text paragraphs; channel title is the source",
      pilots and pilots["body"] == "Harbour pilots will work four shifts a week from April.\n"
      "The union approved the rota by a large majority."
      and pilots.get("source") == "Harbour Gazette: Shipping"
      and pilots["title"] == "Pilots' union agrees new rota", pilots)
wall = stored(db, "https://news.example.org/2024/03/04/sea-wall")
check("RSS: link is the id without a guid; EST zone; two dc:creators",
      wall and wall.get("date") == "2024-03-04T13:00:00Z"
      and wall.get("authors") == ["Maria Lopez", "Tom Field"], wall)
notice = stored(db, "notice-17")
check("RSS: an unreadable pubDate leaves the item undated, with a warning naming it",
      notice and "date" not in notice
      and re.search(r"harbour-feed\.rss: item 4 \(line \d+\) \(notice-17\): pubDate", err),
      (notice, err))
greve = stored(db, "https://port.example.fr/2024/03/06/greve")
check("RSS (ISO-8859-1, .xml): accents decoded, CDATA HTML reduced, channel language fr",
      greve and greve["title"] == "Grève des dockers évitée à Marseille"
      and greve["language"] == "fr" and greve["body"].startswith("Les dockers et la direction"),
      greve)
check("RSS: the item without guid or link is rejected by its number",
      "harbour-feed.rss: item 2 (line 19): item with neither guid nor link" in err, err)
check("RSS damaged: items 1 and 3 kept around the broken item 2; the cut-off item 4 rejected",
      stored(db, "damaged-1") and stored(db, "damaged-3") and not stored(db, "damaged-2")
      and "damaged.rss: item 2 (line 10): malformed XML" in err
      and "damaged.rss: item 4 (line 20): malformed XML" in err, err)

# --- Atom ------------------------------------------------------------------------------------
db = os.path.join(work, "atom.db")
status, out, err = index(db, "atom")
s = summary(out)
check("Atom: 4 entries indexed, 2 rejected (no id; broken entity)",
      status == 3 and s and s["indexed"] == 4 and s["rejected"] == 2, (out, err))
cruise = stored(db, "tag:news.example.org,2024-03-06:cruise")
check("Atom: html content reduced to text (script left out), the feed's author, updated date",
      cruise and cruise["body"] == "The cruise season opened with record bookings.\n"
      "Forty ships are expected in April." and cruise.get("authors") == ["Harbour Gazette newsroom"]
      and cruise.get("date") == "2024-03-06T09:00:00Z" and cruise.get("tags") == ["tourism"]
      and cruise.get("url") == "https://news.example.org/2024/03/06/cruise", cruise)
faehre = stored(db, "tag:news.example.org,2024-03-05:faehre")
check("Atom: published over updated, entry author, summary as body, xml:lang de",
      faehre and faehre.get("date") == "2024-03-05T11:00:00Z"
      and faehre.get("authors") == ["Klaus Meyer"] and faehre["language"] == "de"
      and faehre["body"].startswith("Die neue Fähre"), faehre)
check("Atom damaged: entries 1 and 3 kept, entry 2 rejected for its undeclared entity",
      stored(db, "tag:example.org,2024:d1") and stored(db, "tag:example.org,2024:d3")
      and re.search(r"damaged\.atom: entry 2 \(line 11\): malformed XML: line 12: Entity "
                    r"'entity' not defined", err), err)
check("Atom: the entry without an id is rejected by its number",
      "harbour.atom: entry 3 (line 23): entry without an id" in err, err)

# --- TREC ------------------------------------------------------------------------------------
db = os.path.join(work, "trec.db")
status, out, err = index(db, "trec")
s = summary(out)
check("TREC: 6 documents from files without extensions, 3 rejected, 1 warning",
      status == 3 and s and s["indexed"] == 6 and s["rejected"] == 3 and s["warnings"] == 1,
      (out, err))
ft = stored(db, "FT911-1")
check("TREC FT: DOCNO id, YYMMDD date, headline without its FT dateline, byline, source",
      ft and ft.get("date") == "1991-05-14"
      and ft["title"] == "International Company News: Harbour operator lifts profits"
      and ft.get("authors") == ["JOHN HARDING"] and ft.get("source") == "Financial Times"
      and ft["body"].count("\n") == 1, ft)
fbis = stored(db, "FBIS3-1")
check("TREC FBIS: TI title, DATE1, AU author",
      fbis and fbis["title"] == "Port of Odessa Reports Rise in Grain Shipments"
      and fbis.get("date") == "1994-03-01" and fbis.get("authors") == ["Ivan Petrenko"], fbis)
fr94 = stored(db, "FR940104-0-00001")
check("TREC Federal Register: DOCTITLE, date from the DOCNO, comments out, &hyph; &sect;",
      fr94 and fr94["title"] == "Safety Zone; Harbor Entrance"
      and fr94.get("date") == "1994-01-04" and "dredging-related" in fr94["body"]
      and "§ 165.T01" in fr94["body"] and "PJG" not in fr94["body"], fr94)
check("TREC damaged: no DOCNO, a missing </DOC> and a truncated file rejected by line",
      "la-damaged:7: <DOC> without a DOCNO" in err
      and "la-damaged:12 (DOCNO LA010190-0003): <DOC> without its </DOC>" in err
      and "la-damaged:22 (DOCNO LA010190-0005): <DOC> without its </DOC> (file truncated?)" in err
      and stored(db, "LA010190-0001") and stored(db, "LA010190-0004"), err)

# --- Detection and compression ---------------------------------------------------------------
det = os.path.join(work, "detect")
os.makedirs(det)
shutil.copy(os.path.join(DATA, "same", "terminal.rss"), os.path.join(det, "saved-feed.xml"))
shutil.copy(os.path.join(DATA, "same", "terminal.atom"), os.path.join(det, "atom-no-extension"))
shutil.copy(os.path.join(DATA, "same", "terminal.newsml.xml"), os.path.join(det, "wire.xml"))
shutil.copy(os.path.join(DATA, "same", "terminal.nitf"), os.path.join(det, "story.xml"))
with open(os.path.join(DATA, "rss", "harbour-feed.rss"), "rb") as f, \
        gzip.open(os.path.join(det, "harbour.rss.gz"), "wb") as g:
    g.write(f.read())
# zstd(1): scripts/install-deps.sh --test installs it.
subprocess.run(["zstd", "-q", "-o", os.path.join(det, "FT911_1.zst"),
                os.path.join(DATA, "trec", "FT911_1")], check=True)
with open(os.path.join(det, "not-a-feed.xml"), "w") as f:
    f.write('<?xml version="1.0"?>\n<inventory><crate id="1"/></inventory>\n')
db = os.path.join(work, "detect.db")
status, out, err = index(db, det)
check("detection: .xml files by their root (RSS, NewsML-G2, NITF), Atom without extension",
      stored(db, "gz-rss-0001") and stored(db, "urn:newsml:gazette.example:20240304:terminal")
      and stored(db, "gz-nitf-0001") and stored(db, "tag:news.example.org,2024-03-04:terminal"),
      (out, err))
check("compression: a .rss.gz feed is read through gzip",
      stored(db, "https://news.example.org/2024/03/05/pilots"), err)
check("compression: a .zst TREC file is found by its content and read",
      stored(db, "FT911-2"), err)
check("detection: an .xml of no format we read is skipped with a message",
      "skipped not-a-feed.xml" in err or re.search(r"skipped .*not-a-feed\.xml", err), err)

# --- The same story as JSON Lines and as each format -----------------------------------------
pairs = [("terminal.nitf", "gz-nitf-0001"),
         ("terminal.newsml.xml", "urn:newsml:gazette.example:20240304:terminal"),
         ("terminal.rss", "gz-rss-0001"),
         ("terminal.atom", "tag:news.example.org,2024-03-04:terminal"),
         ("LA030424", "LA030424-0001")]
for name, article_id in pairs:
    a = os.path.join(work, "same-" + name + ".db")
    b = os.path.join(work, "same-" + name + ".jsonl.db")
    jsonl = re.sub(r"\.xml$", "", name) + ".jsonl"
    index(a, os.path.join("same", name))
    index(b, os.path.join("same", jsonl))
    da, db_ = document(a, article_id), document(b, article_id)
    check(f"same story: {name} and {jsonl} store the same record",
          da and db_ and da[0] == db_[0], (da and da[0], db_ and db_[0]))
    check(f"same story: {name} and {jsonl} index the same terms and values",
          da and db_ and da[1] == db_[1] and da[2] == db_[2],
          (da and set(da[1]) ^ set(db_[1]), da and da[2], db_ and db_[2]))
    ha, hb = search(a, "container terminal"), search(b, "container terminal")
    for h in (ha, hb):
        h.pop("took_ms", None)
    check(f"same story: {name} and {jsonl} give the same search result",
          ha.get("results") and ha == hb, (ha, hb))

shutil.rmtree(work, ignore_errors=True)
checks.finish()
