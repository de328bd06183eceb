#include "searcher/timeline/timeline.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <unordered_set>

#include "common/date.h"
#include "common/errors.h"
#include "common/slots.h"
#include "searcher/request/request_options.h"

namespace gazette {
namespace {

// The days of `query`'s matches, `query` being the searcher's last built query: from the
// match set where the searcher has one; otherwise (remote shards) every match is looked at
// (check_at_least = the document count) and none is returned, so that a spy sees the whole
// match set. BoolWeight, since no score is wanted.
DayCounts count_days(Searcher& searcher, const Xapian::Database& db, const Xapian::Query& query,
                     double time_limit_seconds) {
    DayCounts out;
    if (query.empty())
        return out;
    if (auto counts = searcher.count_days(query))
        return std::move(*counts);
    Xapian::ValueCountMatchSpy spy(kSlotDay);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.add_matchspy(&spy);
    if (time_limit_seconds > 0)
        enquire.set_time_limit(time_limit_seconds);
    Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
    out.matches = spy.get_total();
    // The spy gives the values in string order, and "YYYYMMDD" sorts as the days do.
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        long long day = 0;
        if (parse_compact_day(*it, day))
            out.days.push_back(DayCount{day, it.get_termfreq()});
    }
    return out;
}

// Each period's key terms: the top kKeyTermTimelineSample matches of `query` (the first
// series') are split by period, and each period's share is scored against all of them, so
// that what sets one week apart from the rest of the story stands out, not what the whole
// story is about.
void add_period_key_terms(Searcher& searcher, const Xapian::Query& query,
                          const SearchRequest& request, const std::vector<Period>& periods,
                          const std::function<std::size_t(long long)>& index_of,
                          std::vector<TimelinePoint>& points) {
    if (query.empty() || periods.empty())
        return;
    Xapian::MSet sample = searcher.top_matches(query, request, kKeyTermTimelineSample);
    const Xapian::Database& docs = searcher.documents();
    StemCounts whole;
    std::vector<StemCounts> by_period(periods.size());
    for (auto it = sample.begin(); it != sample.end(); ++it) {
        std::vector<std::string> stems = document_stems(docs, *it);
        whole.add_stems(stems, *it);
        long long day = 0;
        if (!parse_compact_day(docs.get_document(*it).get_value(kSlotDay), day) ||
            day < periods.front().first_day || day > periods.back().last_day)
            continue;
        by_period[index_of(day)].add_stems(stems, *it);
    }
    Background background = sample_background(whole);
    std::unordered_set<std::string> excluded = query_words(query);
    for (std::size_t i = 0; i < periods.size(); ++i) {
        KeyTermList list;
        list.sample_size = by_period[i].documents();
        list.background_size = whole.documents();
        list.terms = significant_stems(by_period[i], background, excluded, request.key_terms);
        shown_forms(list.terms, docs, searcher.stemmer(), by_period[i],
                    [&](Xapian::docid id) { return searcher.stored_text(id); });
        points[i].key_terms = std::move(list);
    }
}

Xapian::doccount dated(const std::vector<DayCount>& days) {
    Xapian::doccount n = 0;
    for (const auto& [day, count] : days)
        n += count;
    return n;
}

}  // namespace

void set_timeline_option(TimelineRequest& r, std::string_view key, std::string_view value) {
    if (key == "interval" || key == "timeline") {
        if (value == "auto") {
            r.interval.reset();
        } else {
            r.interval = parse_timeline_interval(value);
        }
    } else if (key == "compare") {
        if (value.find_first_not_of(" \t") == std::string_view::npos)
            throw UsageError("compare needs a query");
        r.compare.emplace_back(value);
    } else if (key == "normalize" || key == "normalise") {
        std::string v(value);
        if (v == "true" || v == "1" || v == "yes" || v == "on") {
            r.normalize = true;
        } else if (v == "false" || v == "0" || v == "no" || v == "off") {
            r.normalize = false;
        } else {
            throw UsageError("normalize must be true or false, not \"" + v + "\"");
        }
    } else {
        set_request_option(r.search, key, value);
    }
}

void validate_timeline_request(const TimelineRequest& r) {
    validate_request(r.search);
    if (r.compare.size() > kMaxCompare) {
        throw UsageError("at most " + std::to_string(kMaxCompare) + " compared queries, not " +
                         std::to_string(r.compare.size()));
    }
}

Timeline compute_timeline(Searcher& searcher, const Xapian::Database& db,
                          const TimelineRequest& request, double time_limit_seconds) {
    auto start = std::chrono::steady_clock::now();
    validate_timeline_request(request);
    std::vector<std::string> queries{request.search.query};
    queries.insert(queries.end(), request.compare.begin(), request.compare.end());

    std::vector<DayCounts> counted;
    for (const auto& text : queries) {
        SearchRequest one = request.search;
        one.query = text;
        one.sort = SortOrder::kRelevance;  // a recency boost would only cost time
        counted.push_back(
            count_days(searcher, db, searcher.build_matching_query(one), time_limit_seconds));
    }

    // The periods run without a gap from the first dated match of any series to the last.
    std::optional<long long> first, last;
    for (const auto& c : counted) {
        if (c.days.empty())
            continue;
        first = first ? std::min(*first, c.days.front().day) : c.days.front().day;
        last = last ? std::max(*last, c.days.back().day) : c.days.back().day;
    }
    Timeline out;
    out.normalized = request.normalize;
    out.interval = request.interval.value_or(first ? interval_for_span(*last - *first + 1)
                                                   : TimelineInterval::kMonth);
    std::vector<Period> periods;
    if (first) {
        for (long long day = period_of(*first, out.interval).first_day; day <= *last;) {
            periods.push_back(period_of(day, out.interval));
            day = periods.back().last_day + 1;
        }
    }
    auto index_of = [&](long long day) {
        // Periods are sorted and contiguous: find the one whose last day is not before `day`.
        auto it = std::lower_bound(periods.begin(), periods.end(), day,
                                   [](const Period& p, long long d) { return p.last_day < d; });
        return static_cast<std::size_t>(it - periods.begin());
    };
    std::vector<Xapian::doccount> totals(periods.size(), 0);
    if (request.normalize && !periods.empty()) {
        // Shares are of everything the archive holds in the period, filters or not: the
        // question is "how much of the coverage was about this", and the volume of the
        // archive varies a lot from period to period.
        DayCounts all = count_days(searcher, db, Xapian::Query::MatchAll, time_limit_seconds);
        for (const auto& [day, count] : all.days) {
            if (day >= periods.front().first_day && day <= periods.back().last_day)
                totals[index_of(day)] += count;
        }
    }
    for (std::size_t s = 0; s < queries.size(); ++s) {
        TimelineSeries series;
        series.query = queries[s];
        series.matches = counted[s].matches;
        series.undated = counted[s].matches - dated(counted[s].days);
        for (std::size_t i = 0; i < periods.size(); ++i) {
            TimelinePoint p;
            p.period = periods[i].label;
            p.start = iso_day(periods[i].first_day);
            p.end = iso_day(periods[i].last_day);
            p.total = totals[i];
            series.points.push_back(std::move(p));
        }
        for (const auto& [day, count] : counted[s].days)
            series.points[index_of(day)].count += count;
        if (s == 0 && request.search.key_terms > 0) {
            SearchRequest first_series = request.search;
            first_series.sort = SortOrder::kRelevance;
            add_period_key_terms(searcher, searcher.build_query(first_series), first_series,
                                 periods, index_of, series.points);
        }
        if (request.normalize) {
            for (auto& p : series.points)
                p.share = p.total ? static_cast<double>(p.count) / p.total : 0.0;
        }
        out.series.push_back(std::move(series));
    }
    out.took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (time_limit_seconds > 0 && out.took_ms > time_limit_seconds * 1000) {
        throw TimeBudgetExceeded("the timeline took " + std::to_string(out.took_ms / 1000) +
                                 " s, over the time budget of " +
                                 std::to_string(time_limit_seconds) + " s");
    }
    return out;
}

Timeline compute_timeline(SearchSession& session, const TimelineRequest& request) {
    return session.run([&] {
        return compute_timeline(session.searcher_for(request.search), session.database(), request,
                                session.options().search.time_limit_seconds);
    });
}

}  // namespace gazette
