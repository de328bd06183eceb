#include "searcher/search.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/schema.h"
#include "common/slots.h"
#include "searcher/database_set.h"
#include "searcher/filters.h"
#include "searcher/recency.h"
#include "searcher/request_options.h"
#include "searcher/result_order.h"

namespace gazette {
namespace {

// How long a snippet may be, in bytes of text before highlighting.
constexpr std::size_t kSnippetLength = 240;


// `stemmer` is null when the request wants no snippet.
Hit hit_from(const Xapian::MSetIterator& it, const Xapian::MSet& mset,
             const Xapian::Stem* stemmer) {
    Hit hit;
    hit.rank = it.get_rank() + 1;
    hit.score = it.get_weight();
    Xapian::Document doc = it.get_document();
    auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
    if (!data.is_object())
        data = nlohmann::json::object();
    hit.id = data.value("id", doc.get_value(kSlotId));
    hit.title = data.value("title", "");
    hit.date = data.value("date", "");
    hit.source = data.value("source", "");
    hit.url = data.value("url", "");
    if (!stemmer) return hit;
    std::string body = data.value("body", "");
    const std::string& text = body.empty() ? hit.title : body;
    hit.snippet =
        mset.snippet(text, kSnippetLength, *stemmer,
                     Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE |
                         Xapian::MSet::SNIPPET_CJK_NGRAM,
                     "<mark>", "</mark>", "…");
    return hit;
}

}  // namespace

Xapian::Database open_databases(const std::vector<std::string>& paths) {
    return open_database_set(paths, ShardOptions{}).db;
}

Searcher::Searcher(Xapian::Database db, const QueryOptions& options)
    : db_(std::move(db)), builder_(db_, options), time_limit_seconds_(options.time_limit_seconds) {}

Xapian::Query Searcher::build_query(const SearchRequest& request, std::string* corrected) {
    ParsedQuery parsed = builder_.parse(request.query);
    if (corrected) *corrected = parsed.corrected;
    Xapian::Query query = apply_filters(parsed.query, request.filters);
    if (request.sort == SortOrder::kRecency && !query.empty()) {
        Xapian::Query boost = recency_.get(db_, request.recency);
        if (!boost.empty()) query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, boost);
    }
    return query;
}

SearchResults Searcher::search(const SearchRequest& request) {
    auto start = std::chrono::steady_clock::now();
    validate_request(request);
    SearchResults out;
    out.query = request.query;
    out.sort = sort_order_name(request.sort);
    Xapian::Query query = build_query(request, &out.corrected);
    out.parsed = query.get_description();

    // Declared before the Enquire, so it outlives it: the Enquire keeps plain pointers.
    FacetCollector facets(request.facets, request.facet_size);
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    apply_result_order(enquire, request.sort);
    facets.attach(enquire);

    Xapian::doccount check_at_least = 0;
    if (request.exact_total) check_at_least = db_.get_doccount();
    if (!facets.empty()) check_at_least = std::max(check_at_least, kFacetCheckAtLeast);
    // Xapian stops counting past check_at_least (facets, exact totals) when the budget runs out.
    if (time_limit_seconds_ > 0) enquire.set_time_limit(time_limit_seconds_);
    Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check_at_least);
    out.estimated_total = mset.get_matches_estimated();
    out.total_lower_bound = mset.get_matches_lower_bound();
    out.total_upper_bound = mset.get_matches_upper_bound();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.results.push_back(hit_from(it, mset, request.snippets ? &builder_.stemmer() : nullptr));
    }
    if (!facets.empty()) {
        out.facets = facets.results();
        out.facets_exact = out.total_lower_bound == out.total_upper_bound &&
                           facets.documents_seen() == out.total_upper_bound;
    }
    out.took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (time_limit_seconds_ > 0 && out.took_ms > time_limit_seconds_ * 1000) {
        throw TimeBudgetExceeded("the query took " + std::to_string(out.took_ms / 1000) +
                                 " s, over the time budget of " +
                                 std::to_string(time_limit_seconds_) + " s");
    }
    return out;
}

}  // namespace gazette
