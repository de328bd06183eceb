// Query text → Xapian::Query: a QueryParser configured from the field table, with a date
// range processor over the date slot and case-folding for whole-value filter fields.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>

#include "common/text/name_folding.h"
#include "searcher/query/typo_widening.h"
#include "searcher/query/value_ranges.h"

namespace gazette {

// How query text is read: the parser's settings, whatever databases it reads from.
struct QueryOptions {
    // OP_OR ranks every article with any query word (BM25 sorts out the rest); OP_AND asks
    // for all words. See docs/ranking.md, "Default operator", for the measurement behind it.
    Xapian::Query::op default_op = Xapian::Query::OP_OR;
    std::string stem_language = "en";  // ISO 639-1 code of the stemmer for query words
    Xapian::termcount max_wildcard_expansion = 1000;
    // Plain query words also find their spellings in other scripts and romanisations
    // (docs/name-variants.md).
    bool name_variants = true;
    // "Did you mean": off where nobody shows it (timelines, alerts). It is also off when
    // QueryDatabases has no spelling data.
    bool spelling = true;
    // Typo tolerance in the ranking (typo_widening.h): misspelt-looking words also match their
    // spelling neighbours, at a lower weight. Needs QueryDatabases::spelling; a request can
    // turn it off per query (SearchRequest::typos).
    bool typos = true;
    // The neighbours' weight against the word as typed: below 1, so that an exact match
    // always ranks above the same article found through a correction (docs/ranking.md,
    // "Typo tolerance", has the values measured).
    double typo_weight = kTypoNeighbourWeight;
};

// What the parser reads, as opposed to how (QueryOptions): the engine derives it from the
// databases it searches (searcher/engine/search.cc).
struct QueryDatabases {
    // Where query words' frequencies (name variants, spelling correction) are looked up.
    Xapian::Database terms;
    // Where spelling suggestions come from: Xapian 1.4 has no spelling data on remote
    // shards, so a local lexicon stands in (indexer/bulk/sharded_database.h). Unset: none
    // can be made.
    std::optional<Xapian::Database> spelling;
    // `terms` holds remote shards (xapian-tcpsrv): every lookup is a round trip to each of
    // them, so the parser asks for all of a query's at once (term_frequencies.h).
    bool remote = false;

    // One local database: its own terms and spelling data.
    static QueryDatabases local(const Xapian::Database& db) { return {db, db, false}; }
};

struct ParsedQuery {
    Xapian::Query query;
    std::string corrected;  // spelling-corrected query text, or "" when nothing to correct
    std::vector<TypoCorrection> typo_corrections;  // the words widened to their neighbours
};

class QueryBuilder {
  public:
    QueryBuilder(const QueryDatabases& databases, const QueryOptions& options);
    QueryBuilder(const Xapian::Database& db, const QueryOptions& options)
        : QueryBuilder(QueryDatabases::local(db), options) {}
    ~QueryBuilder();

    // Throws UsageError with Xapian's message for a syntax error. An empty query (or one of
    // only stop words or punctuation) gives an empty Xapian::Query, which matches nothing.
    // `typos_wanted` false: the words mean exactly what they say, whatever QueryOptions::typos.
    ParsedQuery parse(const std::string& text, bool typos_wanted = true) const;

    const Xapian::Stem& stemmer() const { return stemmer_; }
    // The ISO 639-1 code of stemmer()'s language, "" when queries are not stemmed.
    const std::string& stem_language() const { return stem_language_; }
    // The value ranges of the query last parsed; parse() starts a new list, and callers that
    // add ranges to the query (apply_filters) add them here.
    ValueRanges& value_ranges() const { return *ranges_; }

  private:
    Xapian::Stem stemmer_;
    std::string stem_language_;
    std::shared_ptr<ValueRanges> ranges_;  // shared with the parser's DateRangeProcessor
    std::unique_ptr<Xapian::Stopper> stopper_;
    mutable Xapian::QueryParser parser_;
    Xapian::Database db_;                 // QueryDatabases::terms: folded keys live there
    std::unique_ptr<NameFolder> folder_;  // null with name variants off
    bool spelling_ = true;
    bool typos_ = true;
    double typo_weight_ = kTypoNeighbourWeight;
    bool remote_shards_ = false;    // prefetch the query's term frequencies (term_frequencies.h)
    Xapian::Database spelling_db_;  // QueryDatabases::spelling, else terms
};

}  // namespace gazette
