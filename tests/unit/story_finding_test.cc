// Finding the right story: the spelling-correction rule and the words it may touch, and the
// filter on expansion terms of `--like`.
#include <gtest/gtest.h>

#include <xapian.h>

#include "searcher/engine/related_articles.h"
#include "searcher/query/spelling_correction.h"
#include "tests/support/temp_dir.h"

namespace gazette {
namespace {

std::vector<std::string> folded(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& w : correctable_words(text))
        out.push_back(w.folded);
    return out;
}

TEST(SpellingCorrection, CorrectsOnlyUnknownWordsOfThreeOrMoreCharacters) {
    EXPECT_TRUE(should_correct("negotiatons", 0));
    EXPECT_FALSE(should_correct("adb", 7));  // the index holds it: never corrected
    EXPECT_FALSE(should_correct("ab", 0));   // too short to guess
    EXPECT_TRUE(should_correct("äöü", 0));   // characters, not bytes
}

TEST(SpellingCorrection, LeavesSyntaxFieldsWildcardsNumbersAndCjkAlone) {
    EXPECT_EQ(folded("Witkof negotiatons"), (std::vector<std::string>{"witkof", "negotiatons"}));
    EXPECT_EQ(folded("title:putn source:reutres \"peace tlks\""),
              (std::vector<std::string>{"peace", "tlks"}));
    EXPECT_EQ(folded("source:\"finacial times\" grian"), (std::vector<std::string>{"grian"}));
    EXPECT_EQ(folded("trump AND putn OR negotiat* 1987 g20"),
              (std::vector<std::string>{"trump", "putn"}));
    EXPECT_EQ(folded("普京 Путинн"), (std::vector<std::string>{"путинн"}));
    EXPECT_TRUE(folded("!!! 🙂").empty());
}

TEST(SpellingCorrection, NeverCorrectsAWordTheIndexHolds) {
    // Spelling data needs a disk backend (the in-memory one has none).
    testing::TempDir dir;
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    Xapian::Document doc;
    for (const char* w : {"mln", "adb", "action", "witkoff", "negotiations"})
        doc.add_term(w);
    db.add_document(doc);
    for (const char* w : {"ab", "ab", "ab", "witkoff", "negotiations", "mln", "action"})
        db.add_spelling(w);
    EXPECT_EQ(spelling_correction(db, db, "mln adb action"), "");
    EXPECT_EQ(spelling_correction(db, db, "Witkof negotiatons"), "witkoff negotiations");
    EXPECT_EQ(spelling_correction(db, db, "title:Witkof negotiatons"), "title:Witkof negotiations");
    EXPECT_EQ(spelling_correction(db, db, ""), "");
    db.close();
}

TEST(ExpansionTerms, PlainAndHeadlineWordsOnly) {
    for (const char* yes : {"ukraine", "Sukraine", "witkoff", "g20", "café"})
        EXPECT_TRUE(is_expansion_term(yes)) << yes;
    for (const char* no : {"Zukrain", "SZukrain", "Qreuters:42", "D20250212", "XSRCreuters",
                           "Kcocoa", "XTPputin", "1987", "1.5", "a", "S", "", "the", "Sthe"})
        EXPECT_FALSE(is_expansion_term(no)) << no;
}

}  // namespace
}  // namespace gazette
