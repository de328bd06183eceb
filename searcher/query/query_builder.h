// Query text → Xapian::Query: a QueryParser configured from the field table, with a date
// range processor over the date slot and case-folding for whole-value filter fields.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>

#include "common/text/name_folding.h"
#include "searcher/engine/ranking.h"

namespace gazette {

struct QueryOptions {
    // OP_OR ranks every article with any query word (BM25 sorts out the rest); OP_AND asks
    // for all words. See README "Default operator" for the measurement behind the default.
    Xapian::Query::op default_op = Xapian::Query::OP_OR;
    std::string stem_language = "en";  // ISO 639-1 code of the stemmer for query words
    Xapian::termcount max_wildcard_expansion = 1000;
    // Per-query time budget in seconds, 0 = none. The HTTP service sets one so that one
    // expensive query (facets or exact totals over everything) cannot hold a worker for long.
    double time_limit_seconds = 0;
    // Plain query words also find their spellings in other scripts and romanisations
    // (docs/name-variants.md).
    bool name_variants = true;
    // BM25 parameters and query expansion; used by the Searcher, not the parser.
    RankingOptions ranking;
    // Where spelling suggestions come from when the searched databases cannot give them:
    // Xapian 1.4 has no spelling data on remote shards, so a local lexicon stands in
    // (indexer/bulk/sharded_database.h). Unset: the searched databases themselves.
    std::optional<Xapian::Database> lexicon;
    bool spelling = true;  // false when neither the databases nor a lexicon can suggest
    // Some searched databases are remote shards (xapian-tcpsrv): every per-term lookup is a
    // round trip to each of them, so the Searcher avoids the ones it can (search.cc).
    bool remote_shards = false;
    // Where hits' documents are read from, when not the searched databases: with --parallel,
    // the same shards opened locally (database_set.h). Docids must agree with the searched.
    std::optional<Xapian::Database> documents;
};

struct ParsedQuery {
    Xapian::Query query;
    std::string corrected;  // spelling-corrected query text, or "" when nothing to correct
};

class QueryBuilder {
  public:
    QueryBuilder(const Xapian::Database& db, const QueryOptions& options);
    ~QueryBuilder();

    // Throws UsageError with Xapian's message for a syntax error. An empty query (or one of
    // only stop words or punctuation) gives an empty Xapian::Query, which matches nothing.
    ParsedQuery parse(const std::string& text) const;

    const Xapian::Stem& stemmer() const { return stemmer_; }

  private:
    Xapian::Stem stemmer_;
    std::unique_ptr<Xapian::Stopper> stopper_;
    mutable Xapian::QueryParser parser_;
    Xapian::Database db_;                 // the searched databases: folded keys live there
    std::unique_ptr<NameFolder> folder_;  // null with name variants off
    bool spelling_ = true;
    bool remote_shards_ = false;    // prefetch the query's term frequencies (term_frequencies.h)
    Xapian::Database spelling_db_;  // the lexicon, or the searched databases
};

}  // namespace gazette
