// Name variants: the folding rules word by word, the folded terms the indexer adds, and the
// query expansion that finds one spelling from another (docs/name-variants.md).
#include <gtest/gtest.h>
#include <xapian.h>

#include <set>

#include "common/article.h"
#include "common/slots.h"
#include "common/text/name_folding.h"
#include "indexer/document_builder.h"
#include "searcher/query/query_builder.h"

namespace gazette {
namespace {

TEST(NameSkeleton, CollapsesSlavicEndingsAndAppliesTheTable) {
    const std::pair<const char*, const char*> cases[] = {
        {"zelenskyy", "zelensky"}, {"zelenskiy", "zelensky"}, {"zelenskij", "zelensky"},
        {"zelenskii", "zelensky"}, {"zelensky", "zelensky"},  {"dmitriy", "dmitry"},
        {"sergei", "sergey"},      {"kiev", "kyiv"},          {"kyyiv", "kyiv"},
        {"gadhafi", "gaddafi"},    {"yield", "yield"},        {"city", "city"},
        {"tiny", "tiny"},          {"wang", "wang"},
    };
    for (const auto& [word, skeleton] : cases)
        EXPECT_EQ(name_skeleton(word), skeleton) << word;
}

TEST(NameFolder, FoldsScriptsAccentsAndUmlauts) {
    NameFolder folder;
    struct Case {
        const char* word;
        std::vector<std::string> keys;
    };
    const Case cases[] = {
        {"zelenskyy", {"zelensky"}},
        {"зеленский", {"zelensky"}},   // Russian, BGN: zelenskiy
        {"зеленський", {"zelensky"}},  // Ukrainian: zelens'kiy
        {"путин", {"putin"}},
        {"путін", {"putin"}},
        {"josé", {"jose"}},
        {"münchen", {"munchen", "muenchen"}},
        {"muenchen", {"muenchen"}},
        {"straße", {"strasse"}},
        {"αθήνα", {"athena"}},
        {"北京", {}},   // Han is left alone
        {"مرحبا", {}},  // so is Arabic
        {"1987", {}},   // numbers are not names
        {"0.001", {}},
    };
    for (const auto& c : cases)
        EXPECT_EQ(folder.fold(c.word), c.keys) << c.word;
    // The cache answers the same the second time.
    EXPECT_EQ(folder.fold("зеленский"), std::vector<std::string>{"zelensky"});
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
    std::set<std::string> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
        out.insert(*it);
    return out;
}

TEST(FoldedTerms, OnlyWordsThatFoldToSomethingElse) {
    DocumentBuilder builder;
    Article a;
    a.id = "x";
    a.title = "Zelenskyy in München";
    a.body = "The president met José.";
    a.people = {"Сергей Лавров"};
    auto terms = terms_of(builder.build(a));
    for (const char* t :
         {"XFzelensky", "XFmunchen", "XFmuenchen", "XFjose", "XFsergey", "XFlavrov"})
        EXPECT_TRUE(terms.count(t)) << t;
    // ASCII words that fold to themselves get no key: the plain term answers for them.
    for (const char* t : {"XFpresident", "XFmet", "XFthe", "XFin"})
        EXPECT_FALSE(terms.count(t)) << t;
}

class NameVariantSearch : public ::testing::Test {
  protected:
    void SetUp() override {
        db_ = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
        DocumentBuilder builder;
        const std::pair<const char*, const char*> docs[] = {
            {"latin-yy", "Zelenskyy spoke"},   {"latin-y", "Zelensky spoke"},
            {"latin-iy", "Zelenskiy spoke"},   {"ru", "Зеленский выступил"},
            {"uk", "Зеленський виступив"},     {"jose-accent", "José arrived"},
            {"jose-plain", "Jose arrived"},    {"munich-umlaut", "München airport"},
            {"munich-ue", "Muenchen airport"}, {"other", "Putin spoke"},
        };
        for (const auto& [id, body] : docs) {
            Article a;
            a.id = id;
            a.body = body;
            Xapian::Document doc = builder.build(a);
            db_.add_document(doc);
        }
    }

    std::set<std::string> ids_for(const std::string& text, bool variants = true) {
        QueryOptions options;
        options.name_variants = variants;
        QueryBuilder qb(db_, options);
        Xapian::Enquire enquire(db_);
        enquire.set_query(qb.parse(text).query);
        std::set<std::string> ids;
        Xapian::MSet mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            ids.insert(it.get_document().get_value(kSlotId));
        return ids;
    }

    Xapian::WritableDatabase db_;
};

TEST_F(NameVariantSearch, EverySpellingFindsEveryOther) {
    const std::set<std::string> zelensky = {"latin-yy", "latin-y", "latin-iy", "ru", "uk"};
    for (const char* q : {"Zelenskyy", "zelensky", "Zelenskiy", "Зеленский", "Зеленський"})
        EXPECT_EQ(ids_for(q), zelensky) << q;
    const std::set<std::string> jose = {"jose-accent", "jose-plain"};
    EXPECT_EQ(ids_for("Jose"), jose);
    EXPECT_EQ(ids_for("José"), jose);
    const std::set<std::string> munich = {"munich-umlaut", "munich-ue"};
    EXPECT_EQ(ids_for("Muenchen"), munich);
    EXPECT_EQ(ids_for("München"), munich);
}

TEST_F(NameVariantSearch, OffMeansExactSpellingOnly) {
    EXPECT_EQ(ids_for("Zelenskyy", false), std::set<std::string>{"latin-yy"});
}

TEST_F(NameVariantSearch, QueriesWithoutVariantsAreUnchanged) {
    QueryOptions with, without;
    without.name_variants = false;
    QueryBuilder a(db_, with), b(db_, without);
    for (const char* q : {"putin spoke", "\"putin spoke\"", "title:zelenskyy", "airport -putin"})
        EXPECT_EQ(a.parse(q).query.get_description(), b.parse(q).query.get_description()) << q;
}

}  // namespace
}  // namespace gazette
