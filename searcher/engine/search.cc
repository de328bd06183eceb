#include "searcher/engine/search.h"

#include <algorithm>
#include <chrono>

#include "common/article_json.h"
#include "common/errors.h"
#include "common/schema.h"
#include "common/slots.h"
#include "searcher/engine/copy_folding.h"
#include "searcher/engine/duplicates.h"
#include "searcher/engine/ranking.h"
#include "searcher/engine/recency.h"
#include "searcher/engine/related_articles.h"
#include "searcher/engine/result_order.h"
#include "searcher/engine/snippets.h"
#include "searcher/engine/stored_hit_reader.h"
#include "searcher/query/filters.h"
#include "searcher/query/proximity.h"
#include "searcher/request/request_options.h"

namespace gazette {
namespace {

// The hit's document, from `documents` when set (same docids as the match's databases).
Xapian::Document document_of(const Xapian::MSetIterator& it,
                             const std::optional<Xapian::Database>& documents) {
    return documents ? matched_document(*documents, *it) : it.get_document();
}

// `snippets` is null when the request wants no snippet.
Hit hit_from(const Xapian::MSetIterator& it, const std::optional<Xapian::Database>& documents,
             const Snippets* snippets, StoredHitReader& reader, StageTimes& times) {
    Hit hit;
    hit.rank = it.get_rank() + 1;
    hit.score = it.get_weight();
    std::optional<StageTimer> reading(std::in_place, times.documents_ms);
    Xapian::Document doc = document_of(it, documents);
    std::optional<Article> stored = reader.read(doc.get_data());
    reading.reset();
    if (!stored) {
        hit.id = doc.get_value(kSlotId);  // not our record: the id is still in its slot
        return hit;
    }
    hit.id = std::move(stored->id);
    hit.title = std::move(stored->title);
    hit.date = std::move(stored->date_text);
    hit.source = std::move(stored->source);
    hit.url = std::move(stored->url);
    if (!snippets)
        return hit;
    const std::string& text = stored->body.empty() ? hit.title : stored->body;
    StageTimer snippet_timer(times.snippets_ms);
    hit.snippet = snippets->of(text);
    return hit;
}

// What the parser reads in `set`. Parsing looks up term frequencies (name variants,
// spelling): local reads when the shards are also open here (`documents`), instead of round
// trips to their processes; only tcp:// shards make them round trips then.
QueryDatabases query_databases(const DatabaseSet& set) {
    QueryDatabases out;
    out.terms = set.documents ? *set.documents : set.db;
    out.remote = set.documents ? set.any_network : set.any_remote;
    // Remote shards cannot give spelling suggestions; without a lexicon there are none.
    if (set.lexicon) {
        out.spelling = *set.lexicon;
    } else if (!set.any_remote) {
        out.spelling = out.terms;
    }
    return out;
}

DatabaseSet just(Xapian::Database db) {
    DatabaseSet set;
    set.db = std::move(db);
    return set;
}

}  // namespace

Searcher::Searcher(const DatabaseSet& set, const SearchOptions& options)
    : db_(set.db),
      documents_(set.documents),
      match_sets_(set.in_process()
                      ? std::make_unique<MatchSets>(*set.in_process(), set.bytes_on_disk,
                                                    options.term_set_budget_share)
                      : nullptr),
      remote_counts_(set.any_remote || set.remote_in_stub),
      builder_(query_databases(set), options.query),
      archive_(set.db),
      time_limit_seconds_(options.time_limit_seconds),
      ranking_(options.ranking) {
    validate_ranking(ranking_);
}

Searcher::Searcher(Xapian::Database db, const SearchOptions& options)
    : Searcher(just(std::move(db)), options) {}

Xapian::Query Searcher::build_query(const SearchRequest& request, std::string* corrected,
                                    std::vector<TypoCorrection>* typos) {
    QueryStages stages = build_query_stages(request, corrected);
    if (typos)
        *typos = std::move(stages.typo_corrections);
    return stages.full;
}

Xapian::Query Searcher::build_matching_query(const SearchRequest& request) {
    return build_query_stages(request).matching;
}

QueryStages Searcher::build_query_stages(const SearchRequest& request, std::string* corrected) {
    QueryStages stages;
    if (request.like.empty()) {
        ParsedQuery parsed = builder_.parse(request.query, request.typos);
        if (corrected)
            *corrected = parsed.corrected;
        stages.words = std::move(parsed.query);
        stages.typo_corrections = std::move(parsed.typo_corrections);
    } else {
        builder_.value_ranges().clear();
        stages.words = related_query(db_, request.like).query;
        stages.related = true;
    }
    ValueRanges& ranges = builder_.value_ranges();
    bool ranked = request.sort == SortOrder::kRelevance || request.sort == SortOrder::kRecency;
    Xapian::Query ranked_words = stages.words;
    if (request.proximity && ranked && request.like.empty() && !stages.words.empty()) {
        stages.proximity = proximity_boost(proximity_words(request.query), db_);
        if (!stages.proximity.empty()) {
            // AND_MAYBE's meaning (the words' matches, plus the boost's weight where it also
            // matches) written as words OR (boost FILTER words): Xapian 1.4 checks an
            // AND_MAYBE's NEAR at every match of the words, which took "measure sets" from
            // 0.4 to 26 ms on the 28,585-article news archive; the OR reads the NEAR's own
            // few matches (0.4 ms, the same results and weights; docs/ranking.md).
            ranked_words = Xapian::Query(
                Xapian::Query::OP_OR, stages.words,
                Xapian::Query(Xapian::Query::OP_FILTER, stages.proximity, stages.words));
        }
    }
    // Pseudo-relevance feedback (--expand): reorders the query's matches, adds none.
    if (ranking_.expand_terms > 0 && ranked && !ranked_words.empty()) {
        stages.expansion = feedback_terms(db_, ranked_words, ranking_);
        if (!stages.expansion.empty()) {
            ranked_words =
                Xapian::Query(Xapian::Query::OP_AND_MAYBE, ranked_words, stages.expansion);
        }
    }
    Xapian::Query filter = filter_of(request.filters, &ranges);
    stages.matching = filtered_by(stages.words, filter);
    stages.full = filtered_by(ranked_words, filter);
    if (request.sort == SortOrder::kRecency && !stages.full.empty()) {
        stages.recency = recency_.get(db_, request.recency);
        if (!stages.recency.empty())
            stages.full = Xapian::Query(Xapian::Query::OP_AND_MAYBE, stages.full, stages.recency);
    }
    return stages;
}

SearchResults Searcher::search(const SearchRequest& request) {
    auto start = std::chrono::steady_clock::now();
    Deadline deadline = deadline_in(time_limit_seconds_);
    validate_request(request);
    SearchResults out;
    out.query = request.query;
    out.sort = sort_order_name(request.sort);
    StageTimes times;
    std::optional<StageTimer> parsing(std::in_place, times.parse_ms);
    QueryStages stages = build_query_stages(request, &out.corrected);
    out.typo_corrections = stages.typo_corrections;
    const Xapian::Query& query = stages.full;
    parsing.reset();
    out.parsed = query.get_description();
    const ValueRanges& ranges = builder_.value_ranges();

    // Facets and exact totals come from the match set where there is one; the ranked match
    // then stops as early as Xapian can (no check_at_least).
    bool whole_match = !request.facets.empty() || request.exact_total;
    bool by_match_set = match_sets_ && whole_match;
    // Declared before the Enquire, so it outlives it: the Enquire keeps plain pointers.
    FacetCollector facets(by_match_set ? std::vector<std::string>{} : request.facets,
                          request.facet_size);
    // Key terms sample the top kKeyTermSample matches by relevance: on a first page in that
    // order they come from the same match as the results, not a second one.
    bool sample_in_page = request.key_terms > 0 && request.offset == 0 &&
                          request.sort == SortOrder::kRelevance && !query.empty();
    // Copies are folded after the match where their keys are terms (copy_folding.h). Not for
    // the key terms' sample (Xapian's collapsed MSet), deep pages, nor under a date order,
    // where Xapian prunes by no weight and estimates totals better collapsing.
    bool fold_after =
        match_sets_ && collapses(request) && !sample_in_page &&
        request.offset + request.limit <= kFoldAtMost &&
        (request.sort == SortOrder::kRelevance || request.sort == SortOrder::kRecency) &&
        has_duplicate_key_terms(documents());
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(bm25_weight(ranking_));
    if (!fold_after)
        apply_collapse(enquire, request);
    apply_result_order(enquire, request.sort);
    facets.attach(enquire);

    Xapian::doccount check_at_least = 0;
    if (request.exact_total && !by_match_set)
        check_at_least = db_.get_doccount();
    if (!facets.empty())
        check_at_least = std::max(check_at_least, kFacetCheckAtLeast);
    // Xapian stops counting past check_at_least (facets, exact totals) when the budget runs out.
    if (time_limit_seconds_ > 0)
        enquire.set_time_limit(time_limit_seconds_);
    std::optional<StageTimer> ranking(std::in_place, times.rank_ms);
    Xapian::MSet mset;
    std::optional<std::vector<FoldedResult>> folded;
    if (fold_after) {
        SharedKeys keys(documents());
        FoldedPage page = folded_page(enquire, keys, request.offset, request.limit, check_at_least,
                                      db_.get_doccount(), deadline);
        mset = std::move(page.mset);
        folded = std::move(page.results);
        Xapian::BM25Weight weighting = bm25_weight(ranking_);
        count_copies(db_, keys, query,
                     {request.show_duplicates, &weighting, kMaxDuplicateIds, deadline}, *folded);
    } else {
        Xapian::doccount fetch = sample_in_page
                                     ? std::max<Xapian::doccount>(request.limit, kKeyTermSample)
                                     : request.limit;
        mset = enquire.get_mset(request.offset, fetch, check_at_least);
    }
    // Totals count matching articles, collapsed or not, so they agree with facet counts and
    // with --no-collapse; the results list one per story (docs/duplicates.md).
    out.estimated_total = mset.get_uncollapsed_matches_estimated();
    out.total_lower_bound = mset.get_uncollapsed_matches_lower_bound();
    out.total_upper_bound = mset.get_uncollapsed_matches_upper_bound();
    if (collapses(request) && !fold_after && check_at_least > 0) {
        MatchTotals totals = count_matches(db_, query, check_at_least);
        out.estimated_total = totals.estimated;
        out.total_lower_bound = totals.lower_bound;
        out.total_upper_bound = totals.upper_bound;
    }
    ranking.reset();
    // No MSet::fetch() here: Xapian 1.4's remote backend fetches documents one by one anyway
    // (docs/scale-out.md, "Benchmark"), and in 1.4.22 fetch() on a page with an offset reads
    // outside the MSet and crashes (e2e_news_search caught it).
    std::optional<Snippets> snippets;
    if (request.snippets)
        snippets.emplace(mset, query, builder_.stemmer(), builder_.stem_language());
    auto add_hit = [&](const Xapian::MSetIterator& it) {
        check_deadline(deadline, "reading the results");  // a page of 1,000 snippets is slow
        out.results.push_back(
            hit_from(it, documents_, snippets ? &*snippets : nullptr, hit_reader_, times));
        return &out.results.back();
    };
    if (folded) {
        for (FoldedResult& result : *folded) {
            Hit* hit = add_hit(mset[result.position]);
            hit->rank = request.offset + static_cast<Xapian::doccount>(out.results.size());
            hit->duplicates = result.copies;
            hit->duplicate_ids = std::move(result.copy_ids);
        }
    } else {
        for (auto it = mset.begin();
             it != mset.end() && it.get_rank() < request.offset + request.limit; ++it) {
            Hit* hit = add_hit(it);
            hit->duplicates = it.get_collapse_count();
            if (request.show_duplicates && it.get_collapse_count() > 0)
                hit->duplicate_ids = duplicate_ids(db_, query, it);
        }
    }
    if (by_match_set) {
        StageTimer counting(times.match_set_ms);
        DocSet matches = match_sets_->match(stages.matching, ranges, deadline);
        out.estimated_total = out.total_lower_bound = out.total_upper_bound =
            static_cast<Xapian::doccount>(matches.cardinality());
        if (!request.facets.empty())
            out.facets = match_sets_->facets(matches, request.facets, request.facet_size);
    } else if (!facets.empty()) {
        out.facets = facets.results();
        out.facets_exact = !remote_counts_ && out.total_lower_bound == out.total_upper_bound &&
                           facets.documents_seen() == out.total_upper_bound;
    }
    if (request.key_terms > 0) {
        StageTimer timing(times.key_terms_ms);
        out.key_terms = sample_in_page ? key_terms_of(mset, query, request.key_terms)
                                       : key_terms(query, request, request.key_terms);
    }
    out.took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (request.profile) {
        times.match_set_memory_bytes = match_set_memory_bytes();
        out.profile = times;
    }
    if (time_limit_seconds_ > 0 && out.took_ms > time_limit_seconds_ * 1000) {
        throw TimeBudgetExceeded("the query took " + std::to_string(out.took_ms / 1000) +
                                 " s, over the time budget of " +
                                 std::to_string(time_limit_seconds_) + " s");
    }
    if (!request.like.empty() && request.explain)
        out.explain = related_query(db_, request.like).terms;
    if (request.auto_correct && out.results.empty() && request.offset == 0 &&
        !out.corrected.empty()) {
        SearchRequest retry = request;
        retry.query = out.corrected;
        retry.auto_correct = false;
        SearchResults again = search(retry);
        again.auto_corrected = true;
        again.original_query = request.query;
        again.corrected = out.corrected;
        return again;
    }
    if (!request.explain_score.empty()) {
        Xapian::BM25Weight weighting = bm25_weight(ranking_);
        out.explain_score =
            explain_score(ExplainSources{db_, weighting, builder_.stemmer()}, stages, request);
    }
    return out;
}

AllMatches Searcher::match_all(const SearchRequest& request) {
    validate_request(request);
    AllMatches out;
    out.query = build_query(request);
    out.documents = documents_;
    Xapian::Enquire enquire(db_);
    enquire.set_query(out.query);
    enquire.set_weighting_scheme(bm25_weight(ranking_));
    apply_collapse(enquire, request);
    apply_result_order(enquire, request.sort);
    // No time limit: Xapian would stop matching early and the export would miss rows without
    // saying so. The server bounds an export's time while it streams the rows instead.
    Xapian::doccount all = db_.get_doccount();
    out.mset = enquire.get_mset(0, all, all);
    return out;
}

Xapian::MSet Searcher::top_matches(const Xapian::Query& query, const SearchRequest& request,
                                   Xapian::doccount size) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(bm25_weight(ranking_));
    apply_collapse(enquire, request);
    apply_result_order(enquire, SortOrder::kRelevance);
    if (time_limit_seconds_ > 0)
        enquire.set_time_limit(time_limit_seconds_);
    return enquire.get_mset(0, size);
}

std::string Searcher::stored_text(Xapian::docid id) {
    std::optional<Article> stored = hit_reader_.read(documents().get_document(id).get_data());
    return stored ? std::move(stored->body) : std::string();
}

KeyTermList Searcher::key_terms(const Xapian::Query& query, const SearchRequest& request,
                                unsigned count, Xapian::doccount sample) {
    KeyTermList out;
    if (query.empty() || count == 0)
        return out;
    return key_terms_of(top_matches(query, request, sample), query, count);
}

KeyTermList Searcher::key_terms_of(const Xapian::MSet& top, const Xapian::Query& query,
                                   unsigned count) {
    KeyTermList out;
    if (query.empty() || count == 0)
        return out;
    StemCounts counts;
    for (auto it = top.begin(); it != top.end(); ++it)
        counts.add_document(documents(), *it);
    Background background = archive_.background();
    out.sample_size = counts.documents();
    out.background_size = background.size;
    out.terms = significant_stems(counts, background, query_words(query), count);
    shown_forms(out.terms, db_, builder_.stemmer(), counts,
                [this](Xapian::docid id) { return stored_text(id); });
    return out;
}

std::optional<DayCounts> Searcher::count_days(const Xapian::Query& query) {
    if (!match_sets_)
        return std::nullopt;
    DocSet matches =
        match_sets_->match(query, builder_.value_ranges(), deadline_in(time_limit_seconds_));
    DayCounts out;
    out.matches = static_cast<Xapian::doccount>(matches.cardinality());
    out.days = match_sets_->day_counts(matches);
    return out;
}

std::size_t Searcher::match_set_memory_bytes() const {
    return match_sets_ ? match_sets_->memory_bytes() : 0;
}

}  // namespace gazette
