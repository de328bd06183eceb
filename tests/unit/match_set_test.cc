// The match-set layer against brute force: for thousands of random queries (words, phrases,
// NOT, AND, OR, wildcards, field filters, date ranges in the query and as filters), the
// exact total, the facet counts (single and list fields, years) and the day counts equal
// what a full Xapian match of the same query gives, counted document by document. On one
// database and on two shards opened as one (interleaved docids).
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/date.h"
#include "common/fields.h"
#include "common/slots.h"
#include "common/value_list.h"
#include "indexer/document_builder.h"
#include "searcher/engine/search.h"

namespace gazette {
namespace {

const std::vector<std::string> kWords = {
    "oil",     "prices",  "talks",   "peace",    "ukraine", "bank",     "rates",  "storm",
    "cocoa",   "harvest", "ghana",   "election", "vote",    "minister", "strike", "union",
    "wheat",   "exports", "court",   "ruling",   "market",  "shares",   "profit", "loss",
    "oilseed", "bankers", "talking", "priced",   "stormy",  "courts"};
const std::vector<std::string> kSources = {"Reuters", "BBC News", "reuters", "HuffPost", "AP"};
const std::vector<std::string> kSections = {"business", "world", "Sport", "politics", ""};
const std::vector<std::string> kTags = {"oil", "grain", "money-fx", "earn", "acq", "ship"};

// Words drawn with a skewed frequency, so that some are in most articles and some in few.
std::string some_words(std::mt19937& rng, int n) {
    std::geometric_distribution<int> pick(0.12);
    std::string out;
    for (int i = 0; i < n; ++i) {
        int w = pick(rng) % static_cast<int>(kWords.size());
        out += (out.empty() ? "" : " ") + kWords[w];
    }
    return out;
}

Article random_article(std::mt19937& rng, int n) {
    Article a;
    a.id = "a" + std::to_string(n);
    a.title = some_words(rng, 1 + rng() % 5);
    a.body = some_words(rng, 5 + rng() % 40);
    a.source = kSources[rng() % kSources.size()];
    a.section = kSections[rng() % kSections.size()];
    for (const auto& tag : kTags) {
        if (rng() % 4 == 0)
            a.tags.push_back(tag);
    }
    if (rng() % 10 != 0) {  // one in ten undated
        // 2019-01-01 .. about 2022-01-01, at any hour
        double t = 1546300800.0 + static_cast<double>(rng() % (3 * 365 * 24)) * 3600.0;
        a.timestamp = t;
        long long days = static_cast<long long>(t / 86400);
        // date_text is only displayed; the builder indexes the timestamp.
        a.date_text = std::to_string(days);
    }
    return a;
}

// A random query in the query language, from a small grammar.
std::string random_query(std::mt19937& rng) {
    auto word = [&] { return kWords[rng() % kWords.size()]; };
    std::string q;
    int parts = 1 + rng() % 3;
    for (int i = 0; i < parts; ++i) {
        std::string part;
        switch (rng() % 12) {
            case 0:
                part = "\"" + word() + " " + word() + "\"";
                break;
            case 1:
                part = "NOT " + word();
                break;
            case 2:
                part = word() + " AND " + word();
                break;
            case 3:
                part = word() + " OR " + word();
                break;
            case 4:
                part = word().substr(0, 3) + "*";
                break;
            case 5:
                part = "source:" + kSources[rng() % 2];
                break;
            case 6:
                part = "tags:" + kTags[rng() % kTags.size()];
                break;
            case 7:
                part = "date:2019-06..2020-03";
                break;
            case 8:
                part = "date:2021..";
                break;
            case 9:
                part = "-" + word();
                break;
            case 10:
                part = "title:" + word();
                break;
            default:
                part = word();
                break;
        }
        q += (q.empty() ? "" : " ") + part;
    }
    return q;
}

struct Counts {
    Xapian::doccount total = 0;
    std::map<std::string, std::map<std::string, Xapian::doccount>> facets;
    std::map<std::string, Xapian::doccount> days;
};

const std::vector<std::string> kFacetNames = {"source", "section", "year", "tags"};

// The test's values are ASCII: folding them is lowering them.
std::string lowered(std::string_view v) {
    std::string out(v);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Spellings of one value counted apart, folded into one value shown as the spelling counted
// most (ties: the smaller), as the page shows "politics" and "POLITICS" together.
std::map<std::string, Xapian::doccount> folded_counts(
    const std::map<std::string, Xapian::doccount>& spellings) {
    std::map<std::string, std::pair<std::string, Xapian::doccount>> best;  // key -> spelling
    std::map<std::string, Xapian::doccount> totals;
    for (const auto& [spelling, n] : spellings) {
        std::string key = lowered(spelling);
        totals[key] += n;
        auto it = best.find(key);
        if (it == best.end() || n > it->second.second)  // map order: ties keep the smaller
            best[key] = {spelling, n};
    }
    std::map<std::string, Xapian::doccount> out;
    for (const auto& [key, shown] : best)
        out[shown.first] = totals[key];
    return out;
}

// Every match of `query`, from a full unranked Xapian match, counted document by document.
Counts brute_force(const Xapian::Database& db, const Xapian::Query& query) {
    Counts out;
    if (query.empty())
        return out;
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    out.total = mset.size();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        for (const auto& name : kFacetNames) {
            const FacetSpec& facet = *find_facet(name);
            std::string value = doc.get_value(facet.slot);
            if (facet.is_list) {
                std::set<std::string, std::less<>> seen;  // folded: once per document
                for_each_listed_value(value, [&](std::string_view v) {
                    if (seen.insert(lowered(v)).second)
                        ++out.facets[name][std::string(v)];
                });
            } else if (!value.empty()) {
                ++out.facets[name][value];
            }
        }
        std::string day = doc.get_value(kSlotDay);
        if (!day.empty())
            ++out.days[day];
    }
    for (auto& [name, spellings] : out.facets)
        spellings = folded_counts(spellings);
    return out;
}

Counts from_match_sets(Searcher& searcher, const SearchRequest& request) {
    Counts out;
    SearchResults r = searcher.search(request);
    EXPECT_EQ(r.total_lower_bound, r.total_upper_bound);
    EXPECT_TRUE(r.facets_exact);
    out.total = r.estimated_total;
    for (const auto& facet : r.facets) {
        for (const auto& v : facet.values)
            out.facets[facet.name][v.value] = v.count;
    }
    auto days = searcher.count_days(searcher.build_query(request));
    EXPECT_TRUE(days.has_value());
    if (days) {
        EXPECT_EQ(days->matches, out.total);
        EXPECT_TRUE(
            std::is_sorted(days->days.begin(), days->days.end(),
                           [](const DayCount& a, const DayCount& b) { return a.day < b.day; }));
        for (const auto& [day, count] : days->days)
            out.days[compact_date_text(civil_from_days(day))] = count;
    }
    return out;
}

void drop_empty(Counts& c) {
    for (auto it = c.facets.begin(); it != c.facets.end();)
        it = it->second.empty() ? c.facets.erase(it) : std::next(it);
}

class MatchSetTest : public ::testing::Test {
  protected:
    // Articles into `shards` in-memory databases, round robin, as the indexer's hash shards.
    Xapian::Database build(int articles, int shards, std::mt19937& rng) {
        std::vector<Xapian::WritableDatabase> parts;
        for (int i = 0; i < shards; ++i)
            parts.emplace_back(std::string(), Xapian::DB_BACKEND_INMEMORY);
        DocumentBuilder builder;
        for (int n = 0; n < articles; ++n)
            parts[n % shards].add_document(builder.build(random_article(rng, n)));
        Xapian::Database all;
        for (auto& p : parts)
            all.add_database(p);
        keep_ = parts;
        return all;
    }

    void check_queries(const Xapian::Database& db, int queries, std::mt19937& rng) {
        Searcher searcher(db, SearchOptions{});
        int nonempty = 0;
        for (int i = 0; i < queries; ++i) {
            SearchRequest request;
            request.query = random_query(rng);
            request.facets = kFacetNames;
            request.facet_size = kMaxFacetSize;
            request.exact_total = true;
            request.snippets = false;
            request.collapse = rng() % 2 == 0;
            if (rng() % 4 == 0)
                request.filters.values["section"] = {kSections[rng() % 4]};
            if (rng() % 4 == 0)
                request.filters.from = 1546300800.0 + static_cast<double>(rng() % 1000) * 86400;
            if (rng() % 4 == 0)
                request.filters.to = 1546300800.0 + static_cast<double>(rng() % 1100) * 86400;
            if (request.filters.from && request.filters.to &&
                *request.filters.from > *request.filters.to)
                std::swap(*request.filters.from, *request.filters.to);
            Counts expected = brute_force(db, searcher.build_query(request));
            Counts got = from_match_sets(searcher, request);
            drop_empty(expected);
            drop_empty(got);
            ASSERT_EQ(got.total, expected.total) << request.query;
            ASSERT_EQ(got.facets, expected.facets) << request.query;
            ASSERT_EQ(got.days, expected.days) << request.query;
            nonempty += expected.total > 0 ? 1 : 0;
        }
        // The mix must exercise real counts, not mostly empty sets.
        EXPECT_GT(nonempty, queries / 2);
    }

    std::vector<Xapian::WritableDatabase> keep_;
};

// 1 in the main build (every query), 4 in the sanitizer build (tests/CMakeLists.txt).
constexpr int kQueryShare = GAZETTE_MATCH_SET_QUERY_SHARE;

TEST_F(MatchSetTest, EqualsBruteForceOnOneDatabase) {
    std::mt19937 rng(19);
    Xapian::Database db = build(3000, 1, rng);
    check_queries(db, 2000 / kQueryShare, rng);
}

TEST_F(MatchSetTest, EqualsBruteForceOnTwoShards) {
    std::mt19937 rng(20);
    Xapian::Database db = build(3000, 2, rng);
    check_queries(db, 1000 / kQueryShare, rng);
}

TEST_F(MatchSetTest, FacetsAreOrderedAndCutAsTheSpiesDoThem) {
    std::mt19937 rng(21);
    Xapian::Database db = build(2000, 1, rng);
    Searcher searcher(db, SearchOptions{});
    SearchRequest request;
    request.query = "oil";
    request.facets = {"source", "tags"};
    request.facet_size = 3;
    SearchResults r = searcher.search(request);
    ASSERT_EQ(r.facets.size(), 2u);
    for (const auto& facet : r.facets) {
        ASSERT_LE(facet.values.size(), 3u);
        for (std::size_t i = 1; i < facet.values.size(); ++i) {
            const auto& a = facet.values[i - 1];
            const auto& b = facet.values[i];
            EXPECT_TRUE(a.count > b.count || (a.count == b.count && a.value < b.value));
        }
    }
    // Spellings fold into one value ("Reuters" and "reuters"), shown as the one counted most.
    Xapian::Enquire enquire(db);
    enquire.set_query(searcher.build_query(request));
    Xapian::ValueCountMatchSpy spy(kSlotSource);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    std::map<std::string, Xapian::doccount> spelt;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
        spelt[*it] = it.get_termfreq();
    ASSERT_GT(spelt["Reuters"], 0u);
    ASSERT_GT(spelt["reuters"], 0u);
    Xapian::doccount reuters = spelt["Reuters"] + spelt["reuters"];
    EXPECT_EQ(r.facets[0].values[0].count,
              std::max({reuters, spelt["BBC News"], spelt["HuffPost"], spelt["AP"]}));
    bool shown = false;
    for (const auto& v : r.facets[0].values) {
        EXPECT_NE(v.value, spelt["Reuters"] >= spelt["reuters"] ? "reuters" : "Reuters")
            << "the less counted spelling is shown";
        if (lowered(v.value) == "reuters") {
            EXPECT_EQ(v.count, reuters);
            shown = true;
        }
    }
    EXPECT_TRUE(shown);
}

TEST_F(MatchSetTest, ANewRevisionIsCountedByANewSearcher) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder;
    Article a;
    a.id = "1";
    a.body = "oil prices";
    a.source = "Reuters";
    db.add_document(builder.build(a));
    SearchRequest request;
    request.query = "oil";
    request.facets = {"source"};
    EXPECT_EQ(Searcher(db, SearchOptions{}).search(request).estimated_total, 1u);
    a.id = "2";
    db.add_document(builder.build(a));
    EXPECT_EQ(Searcher(db, SearchOptions{}).search(request).estimated_total, 2u);
}

TEST_F(MatchSetTest, APassedTimeBudgetStopsTheCountInsteadOfRunningOn) {
    std::mt19937 rng(22);
    Xapian::Database db = build(500, 1, rng);
    SearchOptions options;
    options.time_limit_seconds = 1e-9;  // over before the count starts
    Searcher searcher(db, options);
    SearchRequest request;
    request.query = "oi* OR pri*";
    request.facets = {"source"};
    request.limit = 0;  // no hits to read: the first check on the way is the count's
    // Stopped in the count itself (the message says where), not after it by the check of
    // the whole search's time.
    try {
        searcher.search(request);
        ADD_FAILURE() << "no TimeBudgetExceeded";
    } catch (const TimeBudgetExceeded& e) {
        EXPECT_NE(std::string(e.what()).find("counting the match set"), std::string::npos)
            << e.what();
    }
    // Without a budget the same search counts.
    Searcher unbounded(db, SearchOptions{});
    EXPECT_GT(unbounded.search(request).estimated_total, 0u);
}

}  // namespace
}  // namespace gazette
