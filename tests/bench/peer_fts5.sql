-- SQLite FTS5 peer of index_search_bench.sh, run by the sqlite3 shell in the folder that
-- holds peer.csv (made by `bench_corpus.py convert --format fts5-csv`, not timed).
-- The same text fields as Gazette's schema: headline, body and the fielded columns, all
-- full-text indexed with the Porter stemmer (Gazette stems English too); id, url, date and
-- language are stored but not indexed. The whole load is one transaction.
CREATE VIRTUAL TABLE articles USING fts5(
    id UNINDEXED, title, body, source, section, topic, person, place, org, author,
    url UNINDEXED, date UNINDEXED, lang UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
BEGIN;
.import --csv peer.csv articles
COMMIT;
