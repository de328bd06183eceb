// Coverage over time: how many articles match a query in each day, week, month or year,
// over the whole match set (not the top N), with the filters of a search, optionally next to
// other queries (compare) and as a share of everything the archive holds in each period
// (normalize). Counted by Xapian's ValueCountMatchSpy over the day slot while matching every
// document, so it also runs on remote shards (docs/timelines.md).
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/engine/search.h"
#include "searcher/engine/search_session.h"
#include "searcher/key_terms/key_terms.h"
#include "searcher/request/search_request.h"
#include "searcher/timeline/timeline_periods.h"

namespace gazette {

struct TimelineRequest {
    SearchRequest search;  // query and filters of the first series; paging and sort unused
    std::vector<std::string> compare;          // further queries, each with the same filters
    std::optional<TimelineInterval> interval;  // unset: chosen from the span (interval_for_span)
    bool normalize = false;
};

inline constexpr std::size_t kMaxCompare = 8;

struct TimelinePoint {
    std::string period;  // "1987-03", "2018-W05", "2018-02-14", "1987"
    std::string start;   // first day, YYYY-MM-DD (a click on the page filters from here...)
    std::string end;     // ...to here
    Xapian::doccount count = 0;
    Xapian::doccount total = 0;  // with normalize: every article of the period, unfiltered
    double share = 0;            // with normalize: count / total (0 when total is 0)
    // With key_terms (first series only): the period's key terms, its sampled matches against
    // all sampled matches (key_terms.h: kKeyTermTimelineSample of the whole match set).
    std::optional<KeyTermList> key_terms;
};

struct TimelineSeries {
    std::string query;
    Xapian::doccount matches = 0;       // all matches, dated or not
    Xapian::doccount undated = 0;       // matches without a date, in no period
    std::vector<TimelinePoint> points;  // every period from the first to the last of all series
};

struct Timeline {
    TimelineInterval interval = TimelineInterval::kMonth;
    bool normalized = false;
    std::vector<TimelineSeries> series;
    double took_ms = 0;
};

// Sets one timeline option from its text form: interval, compare (repeat), normalize; every
// other key goes to set_request_option (request_options.h), so the command line and the HTTP
// API accept the same keys as a search. Throws UsageError naming the key.
void set_timeline_option(TimelineRequest& request, std::string_view key, std::string_view value);

// Checks the search part (validate_request) and the number of compared queries.
void validate_timeline_request(const TimelineRequest& request);

// `time_limit_seconds` (0 = none) bounds each count; over it, TimeBudgetExceeded.
Timeline compute_timeline(Searcher& searcher, const Xapian::Database& db,
                          const TimelineRequest& request, double time_limit_seconds = 0);

// The same through the session's policy (search_session.h), within its time budget.
Timeline compute_timeline(SearchSession& session, const TimelineRequest& request);

}  // namespace gazette
