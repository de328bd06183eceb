// Copies folded after the match (copy_folding.h) against Xapian's own collapse on the same
// key: the same pages in the same order, and copy counts equal to Xapian's when it checks
// every match (then they are exact).
#include <gtest/gtest.h>

#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "common/fields.h"
#include "common/schema.h"
#include "common/slots.h"
#include "searcher/engine/copy_folding.h"

namespace gazette {
namespace {

Xapian::Document article(const std::string& id, const std::string& key,
                         const std::vector<std::string>& words) {
    Xapian::Document doc;
    doc.add_boolean_term(id_term(id));
    doc.add_value(kSlotId, id);
    if (!key.empty()) {  // as indexer/document_builder.cc stores it
        doc.add_value(kSlotDuplicateKey, key);
        doc.add_boolean_term(std::string(kDuplicateKeyPrefix) + key);
        doc.add_boolean_term(std::string(kDuplicateKeyPrefix));
    }
    Xapian::termpos pos = 0;
    for (const auto& w : words)
        doc.add_posting(w, ++pos);
    return doc;
}

std::string hex_key(unsigned n) {
    char out[17];
    std::snprintf(out, sizeof out, "%016x", n);
    return out;
}

TEST(SharedKeys, OnlyAKeyAnotherArticleHoldsIsShared) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(article("a", hex_key(1), {"x"}));  // 1
    db.add_document(article("b", hex_key(2), {"x"}));  // 2: alone
    db.add_document(article("c", hex_key(1), {"x"}));  // 3
    db.add_document(article("d", "", {"x"}));          // 4: no key
    SharedKeys keys(db);
    EXPECT_EQ(keys.shared_key(1).key, hex_key(1));
    EXPECT_EQ(keys.shared_key(1).holders, 2u);
    EXPECT_EQ(keys.shared_key(3).key, hex_key(1));
    EXPECT_EQ(keys.shared_key(2).key, "");
    EXPECT_EQ(keys.shared_key(4).key, "");
    EXPECT_TRUE(has_duplicate_key_terms(db));
}

TEST(SharedKeys, ADatabaseWithKeysButNotTheirTermsIsToldApart) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(article("a", hex_key(1), {"x"}));
    Xapian::Document old;  // indexed before key terms existed
    old.add_value(kSlotDuplicateKey, hex_key(1));
    old.add_term("x");
    db.add_document(old);
    EXPECT_FALSE(has_duplicate_key_terms(db));
    Xapian::WritableDatabase none(std::string(), Xapian::DB_BACKEND_INMEMORY);
    none.add_document(article("a", "", {"x"}));
    EXPECT_FALSE(has_duplicate_key_terms(none));  // nothing to fold
}

struct Story {
    Xapian::docid document;
    Xapian::doccount copies;
    std::vector<std::string> copy_ids;
};

// Xapian's collapse on the key, checking every match so that its counts are exact.
std::vector<Story> collapsed_by_xapian(const Xapian::Database& db, const Xapian::Query& query,
                                       Xapian::doccount offset, Xapian::doccount limit) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_collapse_key(kSlotDuplicateKey);
    Xapian::MSet mset = enquire.get_mset(offset, limit, db.get_doccount());
    std::vector<Story> out;
    for (auto it = mset.begin(); it != mset.end(); ++it)
        out.push_back({*it, it.get_collapse_count(), {}});
    return out;
}

std::vector<Story> folded_here(const Xapian::Database& db, const Xapian::Query& query,
                               Xapian::doccount offset, Xapian::doccount limit, bool with_ids) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    SharedKeys keys(db);
    FoldedPage page = folded_page(enquire, keys, offset, limit, 0, db.get_doccount());
    Xapian::BM25Weight weighting;
    count_copies(db, keys, query, {with_ids, &weighting, 100, std::nullopt}, page.results);
    std::vector<Story> out;
    for (const auto& r : page.results) {
        EXPECT_EQ(*page.mset[r.position], r.document);
        out.push_back({r.document, r.copies, r.copy_ids});
    }
    return out;
}

TEST(CopyFolding, GivesXapiansCollapsedPagesWithExactCounts) {
    // 400 articles of 3-8 words from 12, a third of them in clusters of 2-6 copies whose
    // words differ (so copies rank apart and between other stories).
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::mt19937 random(7);
    std::vector<std::string> vocabulary;
    for (char c = 'a'; c < 'a' + 12; ++c)
        vocabulary.emplace_back(1, c);
    std::map<std::string, std::vector<std::string>> ids_of_key;
    for (int i = 0; i < 400; ++i) {
        std::vector<std::string> words;
        for (int n = 3 + static_cast<int>(random() % 6); n > 0; --n)
            words.push_back(vocabulary[random() % vocabulary.size()]);
        std::string key = random() % 3 == 0 ? hex_key(random() % 40) : hex_key(1000 + i);
        if (i % 50 == 0)
            key.clear();
        std::string id = "id" + std::to_string(i);
        ids_of_key[key].push_back(id);
        db.add_document(article(id, key, words));
    }
    ASSERT_TRUE(has_duplicate_key_terms(db));
    unsigned pages = 0, with_copies = 0;
    for (int q = 0; q < 300; ++q) {
        std::vector<Xapian::Query> words;
        for (int n = 1 + static_cast<int>(random() % 3); n > 0; --n)
            words.emplace_back(vocabulary[random() % vocabulary.size()]);
        auto op = q % 4 == 0 ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
        Xapian::Query query(op, words.begin(), words.end());
        Xapian::doccount offset = q % 5 == 0 ? random() % 30 : 0;
        Xapian::doccount limit = 1 + random() % 25;
        std::vector<Story> want = collapsed_by_xapian(db, query, offset, limit);
        std::vector<Story> got = folded_here(db, query, offset, limit, q % 2 == 0);
        ASSERT_EQ(got.size(), want.size()) << query.get_description();
        for (std::size_t i = 0; i < got.size(); ++i) {
            EXPECT_EQ(got[i].document, want[i].document) << query.get_description() << " #" << i;
            EXPECT_EQ(got[i].copies, want[i].copies) << query.get_description() << " #" << i;
            with_copies += got[i].copies > 0;
            if (q % 2 == 0) {
                EXPECT_EQ(got[i].copy_ids.size(), got[i].copies);
                std::string key = db.get_document(got[i].document).get_value(kSlotDuplicateKey);
                for (const auto& id : got[i].copy_ids) {
                    const auto& same = ids_of_key[key];
                    EXPECT_NE(std::find(same.begin(), same.end(), id), same.end()) << id;
                }
            }
        }
        ++pages;
    }
    EXPECT_EQ(pages, 300u);
    EXPECT_GT(with_copies, 100u);  // the comparison saw copies folded, not only lone articles
}

TEST(CopyFolding, AsksForMoreMatchesWhenCopiesFillTheWindow) {
    // 30 copies of one story rank first (they hold the word twice), then 5 other stories:
    // the first window holds one story, so the page needs a larger one.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 0; i < 30; ++i)
        db.add_document(article("copy" + std::to_string(i), hex_key(7), {"w", "w"}));
    for (int i = 0; i < 5; ++i)
        db.add_document(article("other" + std::to_string(i), hex_key(100 + i), {"w", "x", "y"}));
    std::vector<Story> got = folded_here(db, Xapian::Query("w"), 0, 4, false);
    ASSERT_EQ(got.size(), 4u);
    EXPECT_EQ(got[0].copies, 29u);
    std::vector<Story> want = collapsed_by_xapian(db, Xapian::Query("w"), 0, 4);
    for (std::size_t i = 0; i < 4; ++i)
        EXPECT_EQ(got[i].document, want[i].document);
    // Past the last story: an empty page, not a hang.
    EXPECT_TRUE(folded_here(db, Xapian::Query("w"), 6, 10, false).empty());
}

}  // namespace
}  // namespace gazette
