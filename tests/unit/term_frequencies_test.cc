// The batched term-frequency lookup used over remote shards (searcher/query/term_frequencies.h):
// one match's statistics must give the same frequencies as asking the database term by term,
// absent terms included, and over several databases the sums of all of them.
#include <gtest/gtest.h>
#include <xapian.h>

#include "searcher/query/term_frequencies.h"

namespace gazette {
namespace {

Xapian::WritableDatabase shard_with(const std::vector<std::vector<std::string>>& docs) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto& terms : docs) {
        Xapian::Document doc;
        for (const auto& t : terms)
            doc.add_term(t);
        db.add_document(doc);
    }
    return db;
}

TEST(TermFrequencies, BatchedEqualsOneByOneAcrossShards) {
    Xapian::Database both;
    both.add_database(shard_with({{"oil", "XFoil"}, {"oil", "price"}}));
    both.add_database(shard_with({{"oil"}, {"zelensky", "XFzelenskii"}}));
    std::vector<std::string> terms{"oil", "XFoil", "price", "XFzelenskii", "absent", "XFabsent"};
    TermFrequencies batched(both, true);
    batched.prefetch(terms);
    TermFrequencies plain(both, false);
    for (const auto& t : terms)
        EXPECT_EQ(batched.get(t), plain.get(t)) << t;
    EXPECT_EQ(batched.get("oil"), 3u);
    EXPECT_EQ(batched.get("absent"), 0u);
    // A term not prefetched is still answered, from the database.
    EXPECT_EQ(batched.get("zelensky"), 1u);
}

}  // namespace
}  // namespace gazette
