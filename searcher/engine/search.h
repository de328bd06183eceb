// Running a query: Enquire with BM25 over one or more databases, filters, order, recency and
// facets, and turning the MSet into plain result records (no Xapian types leak to output).
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "searcher/engine/database_set.h"
#include "searcher/engine/facets.h"
#include "searcher/engine/match_set/match_sets.h"
#include "searcher/engine/query_stages.h"
#include "searcher/engine/ranking.h"
#include "searcher/engine/recency.h"
#include "searcher/engine/related_articles.h"
#include "searcher/engine/score_explanation.h"
#include "searcher/engine/stage_times.h"
#include "searcher/engine/stored_hit_reader.h"
#include "searcher/engine/time_budget.h"
#include "searcher/key_terms/key_terms.h"
#include "searcher/query/query_builder.h"
#include "searcher/request/search_request.h"

namespace gazette {

struct Hit {
    Xapian::doccount rank = 0;  // 1-based, across pages
    std::string id;
    double score = 0;
    std::string title;
    std::string date;  // as indexed: YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ; "" when undated
    std::string source;
    std::string url;
    std::string snippet;  // HTML-escaped, matched terms in <mark>…</mark>
    // Near-duplicates folded into this result, and their ids when asked for
    // (--show-duplicates): every other matching copy where the databases are read in this
    // process and carry key terms (copy_folding.h), else Xapian's collapse count, a lower
    // bound when the match stopped early.
    Xapian::doccount duplicates = 0;
    std::vector<std::string> duplicate_ids;
};

struct SearchResults {
    std::string query;
    std::string parsed;           // Xapian::Query::get_description() of the full query run
    std::string corrected;        // "did you mean", or ""
    bool auto_corrected = false;  // the results are those of `corrected` (auto_correct)
    std::string original_query;   // with auto_corrected: the query as given
    std::vector<TypoCorrection> typo_corrections;  // words also matched as their neighbours
    std::vector<ExpansionTerm> explain;            // with like + explain: the related query's terms
    std::string sort;                              // relevance, newest, oldest or recency
    Xapian::doccount estimated_total = 0;
    Xapian::doccount total_lower_bound = 0;
    Xapian::doccount total_upper_bound = 0;
    std::vector<Hit> results;
    std::vector<FacetResult> facets;
    // False when the counts may be off: a match set larger than kFacetCheckAtLeast, or
    // counts from remote shards (each shard's spies count its own matches, without the
    // collapse and limits of the merged match).
    bool facets_exact = true;
    // Shards left out because they could not be reached (--allow-partial): the results
    // cover the others only.
    std::vector<std::string> missing_shards;
    double took_ms = 0;
    std::optional<KeyTermList> key_terms;           // with SearchRequest::key_terms
    std::optional<StageTimes> profile;              // with SearchRequest::profile
    std::optional<ScoreExplanation> explain_score;  // with SearchRequest::explain_score
};

// Every match of a request in the request's order, for an export (searcher/export/): the MSet
// holds them all, collapsed unless the request says not to.
struct AllMatches {
    Xapian::MSet mset;
    Xapian::Query query;                        // what was run (snippets weigh its terms)
    std::optional<Xapian::Database> documents;  // where the hits' documents are read, if set
};

// How a search runs, apart from which databases it reads (DatabaseSet).
struct SearchOptions {
    QueryOptions query;  // how query text is parsed
    // BM25 parameters and query expansion.
    RankingOptions ranking;
    // Per-query time budget in seconds, 0 = none. The HTTP service sets one so that one
    // expensive query (facets or exact totals over everything) cannot hold a worker for long.
    double time_limit_seconds = 0;
    // The share of the database's size on disk the match-set layer may keep in frequent
    // terms' sets (match_sets.h). The server divides it among its workers, each of which has
    // its own searcher.
    double term_set_budget_share = kTermSetBudgetShare;
};

// How many matches hold each day, and how many matched in all.
struct DayCounts {
    std::vector<DayCount> days;  // oldest first (MatchSets::day_counts)
    Xapian::doccount matches = 0;
};

class Searcher {
  public:
    // Searches `set.db`; the parser and the hits' documents read what the set says they
    // should (its lexicon, its local `documents` handles).
    Searcher(const DatabaseSet& set, const SearchOptions& options);
    // One local database (or several added into one handle), nothing else.
    Searcher(Xapian::Database db, const SearchOptions& options);

    // Throws UsageError for a bad query or out-of-range options.
    SearchResults search(const SearchRequest& request);

    // Every match of `request` (its offset and limit are not used), in its order. Runs one
    // match with the search's weighting, collapse and order; the MSet takes about 100 bytes
    // a match (docs/export.md).
    AllMatches match_all(const SearchRequest& request);
    // The `count` key terms of the top `sample` matches of `query` (built by build_query for
    // `request`) against the whole archive; `texts` of the sampled articles give their case.
    KeyTermList key_terms(const Xapian::Query& query, const SearchRequest& request, unsigned count,
                          Xapian::doccount sample = kKeyTermSample);
    // The same from `top`, the matches sampled already (a search's own ranked MSet).
    KeyTermList key_terms_of(const Xapian::MSet& top, const Xapian::Query& query, unsigned count);
    // The top `size` matches of `query` by relevance, near-duplicates folded as `request`
    // says: the sample key terms are drawn from.
    Xapian::MSet top_matches(const Xapian::Query& query, const SearchRequest& request,
                             Xapian::doccount size);
    // Where documents' term lists and stored records are read.
    const Xapian::Database& documents() const { return documents_ ? *documents_ : db_; }
    // The body of the stored article `id`, for a key term's case ("" when none).
    std::string stored_text(Xapian::docid id);

    // The stemmer queries are parsed with (snippets use it).
    const Xapian::Stem& stemmer() const { return builder_.stemmer(); }
    const std::string& stem_language() const { return builder_.stem_language(); }

    // The query that search() would run, for --debug-query.
    // `corrected` and `typos`, when given, receive the "did you mean" text and the words
    // widened to their spelling neighbours.
    Xapian::Query build_query(const SearchRequest& request, std::string* corrected = nullptr,
                              std::vector<TypoCorrection>* typos = nullptr);
    // What that query matches, without its boosts (QueryStages::matching): for counting.
    Xapian::Query build_matching_query(const SearchRequest& request);
    // The same query kept by its stages (query_stages.h), for --explain-score.
    QueryStages build_query_stages(const SearchRequest& request, std::string* corrected = nullptr);

    // The days of the matches of `query`, the last query build_query() or
    // build_matching_query() made (its value ranges are known), counted from the match set;
    // nullopt where there is none (remote shards: the caller counts with a spy).
    std::optional<DayCounts> count_days(const Xapian::Query& query);

    // What the match-set layer keeps now (0 without one).
    std::size_t match_set_memory_bytes() const;

  private:
    Xapian::Database db_;
    std::optional<Xapian::Database> documents_;  // DatabaseSet::documents
    // Facets, exact totals and timelines over databases read in this process (match_sets.h).
    std::unique_ptr<MatchSets> match_sets_;
    // Spies over remote shards count each shard's matches before the merge: estimates.
    bool remote_counts_ = false;
    QueryBuilder builder_;
    RecencyQueryCache recency_;
    ArchiveBackground archive_;  // key terms' background, per revision as the Searcher is
    StoredHitReader hit_reader_;
    double time_limit_seconds_ = 0;
    RankingOptions ranking_;
};

}  // namespace gazette
