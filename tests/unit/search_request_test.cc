// Request options as every front end parses them; filters, recency and order as queries.
#include <gtest/gtest.h>
#include <xapian.h>

#include "common/date.h"
#include "common/errors.h"
#include "common/slots.h"
#include "searcher/engine/recency.h"
#include "searcher/engine/search.h"
#include "searcher/query/filters.h"
#include "searcher/request/request_options.h"

#include <map>

namespace gazette {
namespace {

TEST(RequestOptions, SortNames) {
    EXPECT_EQ(parse_sort_order("relevance"), SortOrder::kRelevance);
    EXPECT_EQ(parse_sort_order("newest"), SortOrder::kNewest);
    EXPECT_EQ(parse_sort_order("oldest"), SortOrder::kOldest);
    EXPECT_EQ(parse_sort_order("recency"), SortOrder::kRecency);
    EXPECT_THROW(parse_sort_order("date"), UsageError);
    EXPECT_EQ(sort_order_name(SortOrder::kOldest), "oldest");
}

TEST(RequestOptions, FacetListsAcceptAliasesAndRejectUnknownNames) {
    EXPECT_EQ(parse_facet_list("source, section,year,,month"),
              (std::vector<std::string>{"source", "section", "year", "month"}));
    EXPECT_EQ(parse_facet_list("person,topic,source,source,org,lang"),
              (std::vector<std::string>{"people", "tags", "source", "organizations", "language"}));
    EXPECT_THROW(parse_facet_list("source,colour"), UsageError);
    EXPECT_THROW(parse_facet_list("title"), UsageError);  // a field, but not a facet
}

TEST(RequestOptions, EveryKeySetsItsPart) {
    SearchRequest r;
    set_request_option(r, "q", "cocoa");
    set_request_option(r, "limit", "25");
    set_request_option(r, "offset", "50");
    set_request_option(r, "sort", "newest");
    set_request_option(r, "from", "1987-03");
    set_request_option(r, "to", "1987-03");
    set_request_option(r, "facets", "tag,year");
    set_request_option(r, "facet_size", "5");
    set_request_option(r, "exact_total", "true");
    set_request_option(r, "source", "Reuters");
    set_request_option(r, "source", "BBC");
    set_request_option(r, "person", "Reagan");  // an alias: kept under the field's name
    set_request_option(r, "people", "Baker");
    set_request_option(r, "half_life", "7.5");
    set_request_option(r, "now", "2018-05-26");
    EXPECT_EQ(r.query, "cocoa");
    EXPECT_EQ(r.limit, 25u);
    EXPECT_EQ(r.offset, 50u);
    EXPECT_EQ(r.sort, SortOrder::kNewest);
    EXPECT_EQ(format_iso_date(*r.filters.from), "1987-03-01");
    EXPECT_EQ(format_iso_date(*r.filters.to), "1987-03-31");
    EXPECT_EQ(r.facet_size, 5u);
    EXPECT_TRUE(r.exact_total);
    EXPECT_EQ(r.filters.values["source"], (std::vector<std::string>{"Reuters", "BBC"}));
    EXPECT_EQ(r.filters.values["people"], (std::vector<std::string>{"Reagan", "Baker"}));
    EXPECT_EQ(r.filters.values.count("person"), 0u);
    EXPECT_DOUBLE_EQ(r.recency.half_life_days, 7.5);
    EXPECT_EQ(format_iso_date(r.recency.now), "2018-05-26");
}

// explain= has two meanings, told apart by the value: a boolean word is the related query's
// flag (like=ID&explain=true), anything else the id of an article whose score to explain.
TEST(RequestOptions, ExplainIsAFlagOrAnArticleId) {
    SearchRequest flag;
    set_request_option(flag, "like", "bbc:1");
    set_request_option(flag, "explain", "true");
    EXPECT_TRUE(flag.explain);
    EXPECT_EQ(flag.explain_score, "");
    set_request_option(flag, "explain", "false");
    EXPECT_FALSE(flag.explain);

    SearchRequest id;
    set_request_option(id, "explain", "bbc:42");
    EXPECT_FALSE(id.explain);
    EXPECT_EQ(id.explain_score, "bbc:42");
    set_request_option(id, "explain_score", "1");  // an id that looks like a boolean
    EXPECT_EQ(id.explain_score, "1");
    EXPECT_THROW(set_request_option(id, "explain_score", " "), UsageError);
}

TEST(RequestOptions, BadValuesAreUsageErrors) {
    struct Case {
        const char* key;
        const char* value;
    };
    const Case cases[] = {
        {"limit", "-1"},
        {"limit", "ten"},
        {"limit", "99999999999"},
        {"offset", "1.5"},
        {"from", "2024-13"},
        {"to", "yesterday"},
        {"sort", "date"},
        {"facets", "colour"},
        {"half_life", "0"},
        {"half_life", "-3"},
        {"half_life", "inf"},
        {"exact_total", "maybe"},
        {"colour", "red"},
        {"title", "putin"},
        {"source", "  "},
        {"recency_weight", "-1"},
        {"url", "https://e.example/a"},  // url: not a filter option
    };
    for (const auto& c : cases) {
        SearchRequest r;
        EXPECT_THROW(set_request_option(r, c.key, c.value), UsageError) << c.key << "=" << c.value;
    }
}

TEST(RequestOptions, ValidationCatchesWhatOneOptionCannot) {
    SearchRequest r;
    set_request_option(r, "from", "2025");
    set_request_option(r, "to", "2024");
    EXPECT_THROW(validate_request(r), UsageError);
    SearchRequest big;
    big.limit = kMaxLimit + 1;
    EXPECT_THROW(validate_request(big), UsageError);
    SearchRequest deep;
    deep.offset = kMaxOffset + 1;
    EXPECT_THROW(validate_request(deep), UsageError);
    SearchRequest facets;
    facets.facet_size = kMaxFacetSize + 1;
    EXPECT_THROW(validate_request(facets), UsageError);
    SearchRequest same_day;
    set_request_option(same_day, "from", "2024-02-29");
    set_request_option(same_day, "to", "2024-02-29");
    EXPECT_NO_THROW(validate_request(same_day));
}

TEST(Filters, AreBooleanAndNeverScore) {
    Filters f;
    add_filter(f, "source", "Financial Times");
    add_filter(f, "source", "BBC");
    add_filter(f, "tag", "Cocoa");
    Xapian::Query q = apply_filters(Xapian::Query("Zcocoa"), f);
    EXPECT_EQ(q.get_description(),
              "Query((Zcocoa FILTER ((XSRCfinancial times OR XSRCbbc) AND Kcocoa)))");
    // No words: everything the filters allow.
    EXPECT_EQ(apply_filters(Xapian::Query(), f).get_description(),
              "Query((<alldocuments> FILTER ((XSRCfinancial times OR XSRCbbc) AND Kcocoa)))");
    EXPECT_EQ(apply_filters(Xapian::Query("x"), Filters{}).get_description(), "Query(x)");
    Filters dates;
    dates.from = 0;
    EXPECT_EQ(apply_filters(Xapian::Query("x"), dates).get_description(),
              Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("x"),
                            Xapian::Query(Xapian::Query::OP_VALUE_GE, kSlotDate,
                                          Xapian::sortable_serialise(0)))
                  .get_description());
}

TEST(Recency, BoostHalvesEveryHalfLife) {
    RecencyOptions o;
    o.half_life_days = 10;
    o.weight = 2;
    EXPECT_DOUBLE_EQ(recency_boost(0, o), 2.0);
    EXPECT_DOUBLE_EQ(recency_boost(10, o), 1.0);
    EXPECT_DOUBLE_EQ(recency_boost(20, o), 0.5);
    EXPECT_DOUBLE_EQ(recency_boost(-5, o), 2.0);  // dated after "now": no bigger than fresh
    EXPECT_DOUBLE_EQ(recency_boost(1000, o), 0.0);
    o.half_life_days = 1e12;  // effectively no decay: every dated article gets the same boost
    EXPECT_DOUBLE_EQ(recency_boost(0, o), recency_boost(20000, o));
}

TEST(Recency, WeightsComeFromTheDayBucket) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const char* day : {"20180520", "20180526", "20200101"}) {
        Xapian::Document doc;
        doc.add_value(kSlotDay, day);
        doc.add_value(kSlotMonth, std::string(day, 4) + "-" + std::string(day + 4, 2));
        doc.add_term("x");
        db.add_document(doc);
    }
    Xapian::Document undated;
    undated.add_term("x");
    db.add_document(undated);
    RecencyOptions o;
    o.half_life_days = 6;
    o.weight = 4;
    o.now = *parse_date_bound("2018-05-26", false);
    Xapian::Enquire enquire(db);
    // "x" scaled to weight 0 keeps the undated document in the match, so only boosts count.
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("x"), 0.0),
                      recency_query(db, o)));
    Xapian::MSet mset = enquire.get_mset(0, 10);
    ASSERT_EQ(mset.size(), 4u);
    std::map<Xapian::docid, double> weight;
    for (auto it = mset.begin(); it != mset.end(); ++it)
        weight[*it] = it.get_weight();
    EXPECT_DOUBLE_EQ(weight[2], 4.0);  // today's
    EXPECT_DOUBLE_EQ(weight[1], 2.0);  // six days old: half
    EXPECT_DOUBLE_EQ(weight[3], 4.0);  // dated after now (mapped by month): the full boost
    EXPECT_DOUBLE_EQ(weight[4], 0.0);  // undated: none
}

}  // namespace
}  // namespace gazette
