// The pieces of exports and key terms that can be checked without a real archive: CSV as
// RFC 4180 quotes it, the --fields list, JSON Lines rows, a match set written out whole and
// once, and the key terms of a small in-memory archive whose story words are known.
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/errors.h"
#include "common/text/csv.h"
#include "indexer/document_builder.h"
#include "searcher/engine/facets.h"
#include "searcher/engine/search.h"
#include "searcher/export/export_fields.h"
#include "searcher/key_terms/key_terms.h"

namespace gazette {
namespace {

TEST(Csv, QuotesOnlyWhatNeedsIt) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_field("cr\r"), "\"cr\r\"");
}

TEST(ExportFields, ParsesAListInOrderAndRefusesUnknownOrRepeated) {
    auto fields = parse_export_fields("id, title,score");
    ASSERT_EQ(fields.size(), 3u);
    EXPECT_EQ(fields[0], ExportField::kId);
    EXPECT_EQ(fields[1], ExportField::kTitle);
    EXPECT_EQ(fields[2], ExportField::kScore);
    EXPECT_THROW(parse_export_fields("id,headline"), UsageError);
    EXPECT_THROW(parse_export_fields("id,id"), UsageError);
    EXPECT_THROW(parse_export_fields(""), UsageError);
    EXPECT_THROW(parse_export_format("xlsx"), UsageError);
    EXPECT_EQ(parse_export_format("jsonl"), ExportFormat::kJsonl);
}

Article sample_article() {
    Article a;
    a.id = "r1";
    a.title = "Cocoa, \"butter\" prices";
    a.body = "Line one\nline two";
    a.date_text = "1987-03-02";
    a.source = "Reuters";
    a.authors = {"Ann Smith", "Bo Li"};
    return a;
}

TEST(ExportFields, CsvRowsEndInCrlfAndQuote) {
    Article a = sample_article();
    ExportRow row;
    row.article = &a;
    row.score = 1.5;
    auto fields = parse_export_fields("id,title,authors,body,score");
    EXPECT_EQ(csv_header(fields), "id,title,authors,body,score\r\n");
    EXPECT_EQ(
        csv_row(fields, row),
        "r1,\"Cocoa, \"\"butter\"\" prices\",Ann Smith; Bo Li,\"Line one\nline two\",1.5\r\n");
}

TEST(ExportFields, JsonlRowsAreOneObjectPerLine) {
    Article a = sample_article();
    std::string record = R"({"id":"r1","title":"x"})";
    ExportRow row;
    row.article = &a;
    row.record = record;
    row.rank = 7;
    std::string line = jsonl_row(parse_export_fields("id,authors,rank,record"), row);
    ASSERT_EQ(line.back(), '\n');
    EXPECT_EQ(line.find('\n'), line.size() - 1);
    auto obj = nlohmann::json::parse(line);
    EXPECT_EQ(obj["id"], "r1");
    EXPECT_EQ(obj["authors"], nlohmann::json::array({"Ann Smith", "Bo Li"}));
    EXPECT_EQ(obj["rank"], 7);
    EXPECT_EQ(obj["record"]["title"], "x");
}

TEST(FacetFolding, SpellingsCountTogetherShownAsTheMostCounted) {
    auto folded = fold_facet_values({{"politics", 3}, {"POLITICS", 5}, {"Sport", 2}, {"sport", 2}});
    std::map<std::string, Xapian::doccount> by_value;
    for (const auto& v : folded)
        by_value[v.value] = v.count;
    EXPECT_EQ(by_value, (std::map<std::string, Xapian::doccount>{{"POLITICS", 8}, {"Sport", 4}}));
}

// A little archive: a cocoa story among unrelated articles.
class KeyTermsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        DocumentBuilder builder;
        auto add = [&](const std::string& id, const std::string& title, const std::string& body) {
            Article a;
            a.id = id;
            a.title = title;
            a.body = body;
            db_.add_document(builder.build(a));
        };
        for (int i = 0; i < 12; ++i) {
            add("c" + std::to_string(i), "Cocoa talks",
                "The ICCO council met in March on cocoa buffer stock rules. Grindings rose, the "
                "ICCO said, "
                "and cocoa butter prices fell " +
                    std::to_string(1900 + i) + " points.");
        }
        for (int i = 0; i < 60; ++i) {
            add("o" + std::to_string(i), "Markets",
                i % 2 ? "Oil prices rose and the council said stocks fell."
                      : "Wheat exports grew, traders said, as prices fell.");
        }
    }
    Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

TEST_F(KeyTermsTest, TheStoryWordsComeFirstNamesCasedQueryWordsAndNumbersLeftOut) {
    Searcher searcher(db_, SearchOptions{});
    SearchRequest request;
    request.query = "cocoa";
    request.key_terms = 5;
    request.collapse = false;  // the cocoa articles are near-duplicates of one another
    SearchResults r = searcher.search(request);
    ASSERT_TRUE(r.key_terms);
    EXPECT_EQ(r.key_terms->sample_size, 12u);
    EXPECT_EQ(r.key_terms->background_size, 72u);
    std::set<std::string> terms;
    for (const auto& t : r.key_terms->terms) {
        terms.insert(t.term);
        EXPECT_GT(t.score, 0);
        EXPECT_EQ(t.sample_docs, 12u);
    }
    // Every cocoa article holds these, none of the others does.
    for (const char* word : {"ICCO", "grindings", "butter", "buffer"})
        EXPECT_TRUE(terms.count(word)) << word;
    // The query's own word, stop words ("the") and numbers are never key terms; words the
    // rest of the archive holds as much ("prices", "fell") score nothing.
    // nor are calendar words ("March": every period's articles name their own month).
    for (const char* word : {"cocoa", "Cocoa", "the", "prices", "fell", "1900", "March", "march"})
        EXPECT_FALSE(terms.count(word)) << word;
}

TEST_F(KeyTermsTest, ShownAsTheMostFrequentWordOfTheStem) {
    StemCounts counts;
    for (Xapian::docid id = 1; id <= 12; ++id)
        counts.add_document(db_, id);
    ArchiveBackground archive(db_);
    auto terms = significant_stems(counts, archive.background(), {}, 20);
    bool saw_grind = false;
    for (const auto& t : terms)
        saw_grind = saw_grind || t.term == "grind";  // the stem, before shown_forms
    ASSERT_TRUE(saw_grind);
    shown_forms(terms, db_, Xapian::Stem("en"), counts,
                [](Xapian::docid) { return std::string(); });
    bool saw_grindings = false;
    for (const auto& t : terms)
        saw_grindings = saw_grindings || t.term == "grindings";
    EXPECT_TRUE(saw_grindings);
}

TEST_F(KeyTermsTest, AnExportHoldsEveryMatchOnce) {
    Searcher searcher(db_, SearchOptions{});
    SearchRequest request;
    request.query = "prices";
    request.collapse = false;
    AllMatches all = searcher.match_all(request);
    std::set<Xapian::docid> seen;
    for (auto it = all.mset.begin(); it != all.mset.end(); ++it)
        EXPECT_TRUE(seen.insert(*it).second);
    // 12 cocoa articles, 30 oil and 30 wheat ones say "prices".
    EXPECT_EQ(seen.size(), 72u);
}

}  // namespace
}  // namespace gazette
