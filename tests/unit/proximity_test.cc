// Which queries get a proximity boost, of which words, and that the boost puts the article
// with the words together first without changing what matches.
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "searcher/query/proximity.h"

namespace gazette {
namespace {

using Words = std::vector<std::string>;

TEST(ProximityWords, PlainWordsLowered) {
    EXPECT_EQ(proximity_words("Peace talks Istanbul"), (Words{"peace", "talks", "istanbul"}));
    EXPECT_EQ(proximity_words("Ukraine, negotiations?"), (Words{"ukraine", "negotiations"}));
    EXPECT_EQ(proximity_words("Зеленский Путин"), (Words{"зеленский", "путин"}));
}

TEST(ProximityWords, QuerySyntaxGetsNoBoost) {
    for (const char* text : {"\"peace talks\" istanbul", "title:putin talks", "negotiat* talks",
                             "peace -talks", "peace +talks", "(peace talks)", "peace OR talks",
                             "peace AND talks", "peace NOT talks", "peace NEAR talks"}) {
        EXPECT_TRUE(proximity_words(text).empty()) << text;
    }
    EXPECT_EQ(proximity_words("peace or talks"), (Words{"peace", "or", "talks"}));
}

// Articles: 1 says the words together, 2 scatters them, 3 holds one word only; 4..103 hold
// "common", in more than 5% of them (and "peace" in less).
Xapian::WritableDatabase archive() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator gen;
    auto add = [&](const std::string& text) {
        Xapian::Document doc;
        gen.set_document(doc);
        gen.index_text(text);
        db.add_document(doc);
    };
    add("filler words before peace talks in istanbul and more filler words after them");
    add("peace came first filler filler filler filler filler filler filler filler filler "
        "filler talks filler filler filler filler filler filler filler filler istanbul");
    add("peace alone");
    for (int i = 0; i < 100; ++i)
        add("common word " + std::to_string(i));
    return db;
}

TEST(ProximityBoost, NearOfTheWordsScaled) {
    auto db = archive();
    Xapian::Query q = proximity_boost({"peace", "talks", "istanbul"}, db);
    EXPECT_EQ(q.get_description(),
              "Query(0.2000000000000000111 * (peace NEAR 8 talks NEAR 8 istanbul))");
}

TEST(ProximityBoost, FewerThanTwoUsableWordsGiveNone) {
    auto db = archive();
    EXPECT_TRUE(proximity_boost({"peace"}, db).empty());
    EXPECT_TRUE(proximity_boost({"peace", "unknownword"}, db).empty());  // not in the archive
    EXPECT_TRUE(proximity_boost({"peace", "common"}, db).empty());       // too common
    ProximityOptions few;
    few.max_word_docs = 1;  // "peace" is in 3 articles
    EXPECT_TRUE(proximity_boost({"peace", "talks"}, db, few).empty());
    EXPECT_TRUE(proximity_boost({"a", "b", "c", "d", "e"}, db).empty());  // over max_words
}

TEST(ProximityBoost, TogetherRanksFirstAndMatchesStayTheSame) {
    auto db = archive();
    std::vector<Xapian::Query> terms{Xapian::Query("peace"), Xapian::Query("talks"),
                                     Xapian::Query("istanbul")};
    Xapian::Query words(Xapian::Query::OP_OR, terms.begin(), terms.end());
    Xapian::Query boosted(Xapian::Query::OP_AND_MAYBE, words,
                          proximity_boost({"peace", "talks", "istanbul"}, db));
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_query(words);
    Xapian::doccount plain = enquire.get_mset(0, 100).size();
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    enquire.set_query(boosted);
    Xapian::MSet mset = enquire.get_mset(0, 100);
    EXPECT_EQ(mset.size(), plain);
    ASSERT_GE(mset.size(), 2u);
    EXPECT_EQ(*mset.begin(), 1u);
    // Without the boost, the longer scattered article scores lower anyway here; the check
    // that matters is that the boost's weight goes to article 1 only.
    Xapian::Enquire near_only(db);
    near_only.set_query(proximity_boost({"peace", "talks", "istanbul"}, db));
    Xapian::MSet together = near_only.get_mset(0, 10);
    ASSERT_EQ(together.size(), 1u);
    EXPECT_EQ(*together.begin(), 1u);
}

}  // namespace
}  // namespace gazette
