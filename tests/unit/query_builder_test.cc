// The field table against the query parser: {query text → expected Query description}.
#include <gtest/gtest.h>
#include <xapian.h>

#include "common/date.h"
#include "common/errors.h"
#include "searcher/query/cached_stemmer.h"
#include "searcher/query/query_builder.h"

namespace gazette {
namespace {

Xapian::Database empty_db() {
    return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

std::string date_value(const char* iso, bool end) {
    return Xapian::sortable_serialise(*parse_date_bound(iso, end));
}

std::string described(const QueryBuilder& qb, const std::string& text) {
    return qb.parse(text).query.get_description();
}

TEST(QueryBuilder, EveryFieldPrefixAndOperator) {
    struct Case {
        const char* text;
        const char* description;
    };
    const Case cases[] = {
        {"putin", "Query(Zputin@1)"},
        {"Ukraine negotiations Witkoff", "Query((ukraine@1 OR Znegoti@2 OR witkoff@3))"},
        {"the president of ukraine", "Query((Zpresid@2 OR Zukrain@4))"},
        {"\"peace talks\"", "Query((peace@1 PHRASE 2 talks@2))"},
        {"trump AND putin", "Query((Ztrump@1 AND Zputin@2))"},
        {"trump OR putin", "Query((Ztrump@1 OR Zputin@2))"},
        {"trump NOT putin", "Query((Ztrump@1 AND_NOT Zputin@2))"},
        {"trump NEAR putin", "Query((trump@1 NEAR 11 putin@2))"},
        {"+trump -putin", "Query((Ztrump@1 AND_NOT Zputin@2))"},
        {"title:putin", "Query(ZSputin@1)"},
        {"headline:putin", "Query(ZSputin@1)"},
        {"title:\"start ukraine negotiations\"",
         "Query((Sstart@1 PHRASE 3 Sukraine@2 PHRASE 3 Snegotiations@3))"},
        {"author:smith", "Query(ZAsmith@1)"},
        {"person:putin", "Query(ZXTPputin@1)"},
        {"place:ukraine", "Query(ZXTGukrain@1)"},
        {"org:kremlin", "Query(ZXTOkremlin@1)"},
        // Each field's name and every alias reach the same prefix (common/fields.h).
        {"authors:smith", "Query(ZAsmith@1)"},
        {"byline:smith", "Query(ZAsmith@1)"},
        {"people:putin", "Query(ZXTPputin@1)"},
        {"places:ukraine", "Query(ZXTGukrain@1)"},
        {"organizations:kremlin", "Query(ZXTOkremlin@1)"},
        {"organization:kremlin", "Query(ZXTOkremlin@1)"},
        {"tags:cocoa", "Query(0 * Kcocoa)"},
        {"topic:cocoa", "Query(0 * Kcocoa)"},
        {"language:fr", "Query(0 * XLANGfr)"},
        {"tag:cocoa tags:grain", "Query(0 * (Kcocoa OR Kgrain))"},  // one field: ORed
        {"source:Reuters", "Query(0 * XSRCreuters)"},
        {"source:\"Financial  Times\"", "Query(0 * XSRCfinancial times)"},
        {"section:World", "Query(0 * XSECworld)"},
        {"tag:cocoa", "Query(0 * Kcocoa)"},
        {"lang:fr", "Query(0 * XLANGfr)"},
        {"id:reuters:42", "Query(0 * Qreuters:42)"},
        {"id:Reuters:42", "Query(0 * QReuters:42)"},  // ids are exact: not folded
        {"source:reuters source:bbc cocoa", "Query((Zcocoa@1 FILTER (XSRCreuters OR XSRCbbc)))"},
        {"source:reuters section:world", "Query(0 * (XSECworld AND XSRCreuters))"},
        {"", "Query()"},
        {"!!! ??", "Query()"},
    };
    QueryBuilder qb(empty_db(), QueryOptions{});
    for (const auto& c : cases)
        EXPECT_EQ(described(qb, c.text), c.description) << c.text;
}

TEST(QueryBuilder, DateRangesCoverWholePeriodsAndOpenEnds) {
    QueryBuilder qb(empty_db(), QueryOptions{});
    EXPECT_EQ(qb.parse("date:2025-01-01..2025-02-28").query.get_description(),
              Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, date_value("2025-01-01", false),
                            date_value("2025-02-28", true))
                  .get_description());
    EXPECT_EQ(
        described(qb, "date:..2024"),
        Xapian::Query(Xapian::Query::OP_VALUE_LE, 0, date_value("2024", true)).get_description());
    EXPECT_EQ(described(qb, "date:2024-06.."),
              Xapian::Query(Xapian::Query::OP_VALUE_GE, 0, date_value("2024-06", false))
                  .get_description());
}

TEST(QueryBuilder, DefaultOperatorIsConfigurable) {
    QueryOptions options;
    options.default_op = Xapian::Query::OP_AND;
    QueryBuilder qb(empty_db(), options);
    EXPECT_EQ(described(qb, "ukraine negotiations"), "Query((Zukrain@1 AND Znegoti@2))");
}

// "U.S." in an article is indexed as the word "us" (capitals make an acronym); "u.s" typed in
// lower case is parsed as the phrase "u s", which would find only articles that wrote "u.s.".
TEST(QueryBuilder, LowerCaseDottedAcronymsAlsoMatchAsOneWord) {
    QueryBuilder qb(empty_db(), QueryOptions{});
    EXPECT_EQ(described(qb, "u.s policy"), "Query((((u@1 PHRASE 2 s@2) OR us) OR Zpolici@3))");
    EXPECT_EQ(described(qb, "u.s.a."), "Query(((u@1 PHRASE 3 s@2 PHRASE 3 a@3) OR usa))");
    EXPECT_EQ(described(qb, "U.S. policy"), "Query((us@1 OR Zpolici@2))");  // as before
    // Excluded in both forms; letters inside a longer phrase and numbers are left alone.
    EXPECT_EQ(described(qb, "policy -u.n"),
              "Query((Zpolici@1 AND_NOT ((u@2 PHRASE 2 n@3) OR un)))");
    EXPECT_EQ(described(qb, "\"u.s policy\""), "Query((u@1 PHRASE 3 s@2 PHRASE 3 policy@3))");
    EXPECT_EQ(described(qb, "1.5 x.y2"), "Query((1.5@1 OR (x@2 PHRASE 2 y2@3)))");
}

TEST(QueryBuilder, DottedAcronymsFindWhatTheIndexerWrote) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    for (const char* text : {"U.S. policy on trade", "The flight left at 9 a.m. sharp"}) {
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(text);
        db.add_document(doc);
    }
    QueryBuilder qb(db, QueryOptions{});
    auto matches = [&](const char* text) {
        Xapian::Enquire enquire(db);
        enquire.set_query(qb.parse(text).query);
        std::vector<Xapian::docid> ids;
        for (auto it = enquire.get_mset(0, 10).begin(); it != Xapian::MSetIterator(); ++it)
            ids.push_back(*it);
        return ids;
    };
    EXPECT_EQ(matches("u.s"), std::vector<Xapian::docid>{1});
    EXPECT_EQ(matches("U.S."), std::vector<Xapian::docid>{1});
    EXPECT_EQ(matches("a.m."), std::vector<Xapian::docid>{2});
}

// The snippets' stemmer remembers its answers; they must be the stemmer's, however full.
TEST(CachedStemmer, GivesTheStemmersAnswersAndStaysBounded) {
    Xapian::Stem plain("english");
    Xapian::Stem cached = cached_stemmer(plain, 3);
    const char* words[] = {"negotiations", "talks", "running",    "negotiations", "ponies",
                           "talks",        "ran",   "generously", "running",      "négociations"};
    for (int round = 0; round < 2; ++round) {
        for (const char* w : words)
            EXPECT_EQ(cached(w), plain(w)) << w;
    }
    EXPECT_TRUE(cached_stemmer(Xapian::Stem("none")).is_none());
}

TEST(QueryBuilder, SyntaxErrorsAreUsageErrors) {
    QueryBuilder qb(empty_db(), QueryOptions{});
    for (const char* bad :
         {"date:2024-99..", "date:2025..2024", "date:yesterday..today", "date:2024-02-30.."}) {
        EXPECT_THROW(qb.parse(bad), UsageError) << bad;
    }
}

}  // namespace
}  // namespace gazette
