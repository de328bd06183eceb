// Golden terms per fixture document: the terms that must be there, and those that must not.
#include <gtest/gtest.h>
#include <xapian.h>

#include <set>

#include "common/article_json.h"
#include "common/fields.h"
#include "common/slots.h"
#include "indexer/document_builder.h"

namespace gazette {
namespace {

std::set<std::string> terms_of(const Xapian::Document& doc) {
    std::set<std::string> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
        out.insert(*it);
    return out;
}

struct Golden {
    const char* name;
    const char* record;
    std::vector<std::string> must;
    std::vector<std::string> must_not;
};

const Golden kGolden[] = {
    {"english article with every field",
     R"({"id":"seed:1","title":"Putin agrees to negotiations","body":"The Kremlin confirmed the call.",)"
     R"("date":"2025-02-12","source":"Financial Times","section":"World","authors":["Jane Doe"],)"
     R"("tags":["Ukraine War"],"people":["Vladimir Putin"],"places":["Moscow"],"organizations":["Kremlin"],)"
     R"("url":"https://ft.example/a"})",
     {"Qseed:1",
      "D20250212",
      "XSRCfinancial times",
      "XSECworld",
      "Kukraine war",
      "XPvladimir putin",
      "XGmoscow",
      "XOkremlin",
      "XAUjane doe",
      "XLANGen",
      "XURLhttps://ft.example/a",
      "putin",
      "Zputin",
      "negotiations",
      "Znegoti",
      "Sputin",
      "ZSnegoti",
      "kremlin",
      "Zconfirm",
      "Ajane",
      "XTPvladimir",
      "XTGmoscow",
      "XTOkremlin"},
     // Boolean fields must not leak words into the free-text index, and body words must not
     // appear under the headline prefix.
     {"financial", "Zfinanci", "XSRCFinancial Times", "Skremlin", "ZSkremlin", "world", "ukraine",
      "jane", "Zjane", "moscow"}},
    {"french article is stemmed in French",
     R"({"id":"fr:1","title":"Les négociations continuent","language":"fr"})",
     {"Znégoci", "négociations", "XLANGfr", "Qfr:1"},
     {"Znegoti"}},
    // Z terms equal to the word, so lower-case queries (stemmed as English) still find it;
    // XF: the name-variant key (docs/name-variants.md).
    {"language without a Snowball stemmer is indexed with words as their own stems",
     R"({"id":"uk:1","title":"Переговори тривають","language":"uk"})",
     {"переговори", "тривають", "Sпереговори", "Zпереговори", "XFperegovori"},
     {"Zпереговор", "Zперегов"}},
};

TEST(DocumentBuilder, GoldenTerms) {
    DocumentBuilder builder;
    for (const auto& g : kGolden) {
        auto terms = terms_of(builder.build(article_from_json(g.record)));
        for (const auto& t : g.must)
            EXPECT_TRUE(terms.count(t)) << g.name << ": missing " << t;
        for (const auto& t : g.must_not)
            EXPECT_FALSE(terms.count(t)) << g.name << ": unexpected " << t;
    }
}

TEST(DocumentBuilder, HeadlineWordsOutweighBodyWords) {
    DocumentBuilder builder;
    auto doc = builder.build(article_from_json(R"({"id":"w","title":"alpha","body":"beta"})"));
    Xapian::termcount alpha = 0, beta = 0;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (*it == "alpha")
            alpha = it.get_wdf();
        if (*it == "beta")
            beta = it.get_wdf();
    }
    EXPECT_EQ(beta, 1u);
    EXPECT_EQ(alpha, find_field("title")->plain_weight);
    EXPECT_GT(alpha, beta);
}

TEST(DocumentBuilder, NoPhraseSpansHeadlineAndBody) {
    DocumentBuilder builder;
    auto doc =
        builder.build(article_from_json(R"({"id":"p","title":"ends here","body":"starts there"})"));
    Xapian::termpos here = 0, starts = 0;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (*it == "here")
            here = *it.positionlist_begin();
        if (*it == "starts")
            starts = *it.positionlist_begin();
    }
    EXPECT_GT(starts, here + 50);
}

TEST(DocumentBuilder, ValuesAndDataRoundTrip) {
    DocumentBuilder builder;
    const char* record =
        R"({"id":"v","title":"t","date":"1987-03-01T10:00:00Z","source":"Reuters","section":"Money"})";
    auto doc = builder.build(article_from_json(record));
    EXPECT_EQ(doc.get_value(kSlotId), "v");
    EXPECT_EQ(doc.get_value(kSlotSource), "Reuters");
    EXPECT_EQ(doc.get_value(kSlotSection), "Money");
    EXPECT_EQ(doc.get_value(kSlotYear), "1987");
    EXPECT_EQ(doc.get_value(kSlotMonth), "1987-03");
    EXPECT_DOUBLE_EQ(Xapian::sortable_unserialise(doc.get_value(kSlotDate)), 541591200.0);
    EXPECT_EQ(article_from_json(doc.get_data()).date_text, "1987-03-01T10:00:00Z");
}

}  // namespace
}  // namespace gazette
