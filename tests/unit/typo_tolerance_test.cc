// Typo tolerance in the ranking (searcher/query/typo_neighbours.h, typo_widening.h): which
// words are widened to which neighbours, and that an exact match outranks a corrected one.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "searcher/query/query_builder.h"
#include "searcher/query/typo_neighbours.h"
#include "tests/support/temp_dir.h"

namespace gazette {
namespace {

// Articles indexed as the indexer does (unstemmed words and Z stems, STEM_SOME), each word
// added to the spelling data once per occurrence (vocabulary_spelling.h adds collection
// frequencies).
class TypoTolerance : public ::testing::Test {
  protected:
    void SetUp() override {
        db_ = Xapian::WritableDatabase((dir_ / "db").string(), Xapian::DB_CREATE);
        Xapian::TermGenerator tg;
        tg.set_stemmer(Xapian::Stem("en"));
        tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        auto add = [&](const std::string& id, const std::string& text, int copies) {
            for (int i = 0; i < copies; ++i) {
                Xapian::Document doc;
                tg.set_document(doc);
                tg.index_text(text);
                doc.set_data(id);
                db_.add_document(doc);
            }
        };
        add("ukraine", "Ukraine negotiations with Witkoff in Riyadh", 1);
        add("ukraine-filler", "Ukraine news talks", 30);
        add("typo", "Ukrane ceasefire", 1);  // a typo in an article: rare but present
        add("clinton", "Clinton speech", 3);
        add("clintons", "Clintons foundation", 3);
        add("kremlin", "Kremlin statement", 19);
        add("kremlinn", "Kremlinn statement", 1);  // 19 times rarer: under the ratio of 20
        add("grain", "grain harvest 1987 exports", 10);
        add("ship", "ship exports", 10);
        add("mediator", "international mediators meet", 10);
        for (Xapian::TermIterator t = db_.allterms_begin(); t != db_.allterms_end(); ++t) {
            const std::string term = *t;
            if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'))
                db_.add_spelling(term, db_.get_collection_freq(term));
        }
        db_.commit();
    }

    std::vector<std::string> neighbours(const std::string& word) {
        return typo_neighbours(db_, word, db_.get_termfreq(word), TypoRules{});
    }

    ParsedQuery parse(const std::string& text, bool typos = true) {
        QueryOptions options;
        options.name_variants = false;
        builder_.emplace(QueryDatabases::local(db_), options);
        return builder_->parse(text, typos);
    }

    // The ids of the matches of `text`, best first.
    std::vector<std::string> ranked(const std::string& text) {
        Xapian::Enquire enquire(db_);
        enquire.set_query(parse(text).query);
        std::vector<std::string> ids;
        Xapian::MSet mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            ids.push_back(it.get_document().get_data());
        return ids;
    }

    double weight_of(const std::string& text, const std::string& id) {
        Xapian::Enquire enquire(db_);
        enquire.set_query(parse(text).query);
        Xapian::MSet mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            if (it.get_document().get_data() == id)
                return it.get_weight();
        }
        return 0;
    }

    testing::TempDir dir_;
    Xapian::WritableDatabase db_;
    std::optional<QueryBuilder> builder_;
};

TEST(TypoEdits, LengthThresholdsAndNumbers) {
    TypoRules rules;
    EXPECT_EQ(typo_edits_allowed("ship", rules), 0u);       // 4 letters: none
    EXPECT_EQ(typo_edits_allowed("grain", rules), 1u);      // 5: one
    EXPECT_EQ(typo_edits_allowed("negotiat", rules), 1u);   // 8: one
    EXPECT_EQ(typo_edits_allowed("negotiati", rules), 2u);  // 9: two
    EXPECT_EQ(typo_edits_allowed("198765", rules), 0u);     // numbers: none
    EXPECT_EQ(typo_edits_allowed("covid19", rules), 0u);    // nor words with digits
    EXPECT_EQ(typo_edits_allowed("über", rules), 0u);       // letters, not bytes, count
    EXPECT_EQ(typo_edits_allowed("überall", rules), 1u);
}

TEST(TypoEdits, OneEditVariants) {
    auto v = one_edit_variants("abc");
    auto has = [&](const char* s) { return std::find(v.begin(), v.end(), s) != v.end(); };
    EXPECT_TRUE(has("ab"));    // deletion
    EXPECT_TRUE(has("bac"));   // swap
    EXPECT_TRUE(has("abd"));   // substitution
    EXPECT_TRUE(has("abcd"));  // insertion
    EXPECT_FALSE(has("abc"));  // not the word itself
    EXPECT_FALSE(has("ba"));   // two edits
    EXPECT_TRUE(std::is_sorted(v.begin(), v.end()));
}

// Every string one edit from `word`, the plain way: code points edited one at a time.
std::vector<std::string> one_edit_variants_by_code_points(const std::string& word) {
    std::vector<unsigned> chars{Xapian::Utf8Iterator(word), Xapian::Utf8Iterator()};
    std::set<unsigned> alphabet(chars.begin(), chars.end());
    for (unsigned c = 'a'; c <= 'z'; ++c)
        alphabet.insert(c);
    auto utf8 = [](const std::vector<unsigned>& v) {
        std::string out;
        for (unsigned c : v)
            Xapian::Unicode::append_utf8(out, c);
        return out;
    };
    std::set<std::string> out;
    for (std::size_t i = 0; i <= chars.size(); ++i) {
        std::vector<unsigned> v = chars;
        if (i < chars.size()) {
            v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
            out.insert(utf8(v));
        }
        if (i + 1 < chars.size()) {
            v = chars;
            std::swap(v[i], v[i + 1]);
            out.insert(utf8(v));
        }
        for (unsigned c : alphabet) {
            if (i < chars.size()) {
                v = chars;
                v[i] = c;
                out.insert(utf8(v));
            }
            v = chars;
            v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), c);
            out.insert(utf8(v));
        }
    }
    out.erase(word);
    return {out.begin(), out.end()};
}

TEST(TypoEdits, OneEditVariantsAreThoseOfCodePoints) {
    for (const char* word : {"a", "ab", "aab", "negotiations", "café", "straße", "путин", "naïve",
                             "zzz", "日本語", ""})
        EXPECT_EQ(one_edit_variants(word), one_edit_variants_by_code_points(word)) << word;
}

TEST_F(TypoTolerance, UnknownWordsGetTheirNeighbourByLength) {
    EXPECT_EQ(neighbours("ukrain"), std::vector<std::string>{"ukraine"});  // 6 letters, 1 edit
    EXPECT_EQ(neighbours("witkof"), std::vector<std::string>{"witkoff"});
    EXPECT_EQ(neighbours("shipp"), std::vector<std::string>{"ship"});   // 5 letters
    EXPECT_EQ(neighbours("grian"), std::vector<std::string>{"grain"});  // a swap is one edit
    EXPECT_TRUE(neighbours("shp").empty());                             // 3 letters: none
    EXPECT_TRUE(neighbours("sihp").empty());    // 4 letters: none, though "ship" is 1 swap
    EXPECT_TRUE(neighbours("ukrnie").empty());  // 6 letters, 2 edits: too far
    // 11 letters: two edits reach "negotiations".
    EXPECT_EQ(neighbours("negotiatons"), std::vector<std::string>{"negotiations"});
    EXPECT_EQ(neighbours("negotaitons"), std::vector<std::string>{"negotiations"});
}

TEST_F(TypoTolerance, KnownWordsOnlyWhenANeighbourIsFarMoreFrequent) {
    // "ukrane" is in one article, "ukraine" in 31: widened.
    EXPECT_EQ(neighbours("ukrane"), std::vector<std::string>{"ukraine"});
    // "clinton" and "clintons" are equally rare: neither is a typo of the other.
    EXPECT_TRUE(neighbours("clinton").empty());
    EXPECT_TRUE(neighbours("clintons").empty());
    // "kremlin" is only 19 times as frequent as "kremlinn": under the ratio, kept apart.
    EXPECT_TRUE(neighbours("kremlinn").empty());
    TypoRules looser;
    looser.frequency_ratio = 19;
    EXPECT_EQ(typo_neighbours(db_, "kremlinn", db_.get_termfreq("kremlinn"), looser),
              std::vector<std::string>{"kremlin"});
    // A common word is never looked at.
    EXPECT_TRUE(neighbours("ukraine").empty());
}

TEST_F(TypoTolerance, OnlyPlainWordsAreWidened) {
    auto widened = [&](const std::string& text) {
        std::vector<std::string> terms;
        for (const auto& c : parse(text).typo_corrections)
            terms.push_back(c.term);
        return terms;
    };
    using words = std::vector<std::string>;
    EXPECT_EQ(widened("Ukrain negotiatons Witkof"), (words{"ukrain", "negotiatons", "witkof"}));
    EXPECT_EQ(widened("\"ukrain negotiatons\""), words{});          // phrases: exact
    EXPECT_EQ(widened("title:ukrain"), words{});                    // field-prefixed words
    EXPECT_EQ(widened("source:ukrain grian"), words{"grian"});      // filters; the word is
    EXPECT_EQ(widened("ukrai*"), words{});                          // wildcards
    EXPECT_EQ(widened("grain NOT ukrain"), words{});                // excluded words
    EXPECT_EQ(widened("ukrain NEAR witkof"), words{});              // NEAR keeps its words
    EXPECT_EQ(widened("1988 exports"), words{});                    // numbers; known words
    EXPECT_EQ(widened("Ukrain"), words{"ukrain"});                  // names are corrected too
    EXPECT_EQ(parse("Ukrain", false).typo_corrections.size(), 0u);  // typos off
    auto c = parse("witkof").typo_corrections;
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].to, std::vector<std::string>{"witkoff"});
}

TEST_F(TypoTolerance, WithTyposOffTheQueryIsUnchanged) {
    EXPECT_EQ(parse("Ukrain negotiatons", false).query.get_description(),
              "Query((ukrain@1 OR Znegotiaton@2))");
    EXPECT_EQ(parse("Ukraine negotiations").query.get_description(),
              "Query((ukraine@1 OR Znegoti@2))");  // spelt right: nothing added
}

TEST_F(TypoTolerance, MisspeltQueryFindsWhatTheRightOneFinds) {
    EXPECT_EQ(ranked("Ukraine negotiations Witkoff").at(0), "ukraine");
    EXPECT_EQ(ranked("Ukrain negotiatons Witkof").at(0), "ukraine");
}

TEST_F(TypoTolerance, ExactMatchOutranksCorrected) {
    // The same article scores less when found through corrections than by its own words.
    EXPECT_LT(weight_of("Ukrain negotiatons Witkof", "ukraine"),
              weight_of("Ukraine negotiations Witkoff", "ukraine"));
    // The article that holds the typed word itself comes before those found through the
    // correction.
    auto ids = ranked("Ukrane");
    ASSERT_GE(ids.size(), 2u);
    EXPECT_EQ(ids[0], "typo");
}

}  // namespace
}  // namespace gazette
