// Ranking options: BM25 parameters are checked, and pseudo-relevance feedback adds the top
// results' words (not their field-prefixed or filter terms) at a reduced weight.
#include <gtest/gtest.h>
#include <xapian.h>

#include "common/article.h"
#include "common/errors.h"
#include "indexer/document_builder.h"
#include "searcher/engine/ranking.h"

namespace gazette {
namespace {

TEST(Ranking, RejectsParametersBm25CannotTake) {
    RankingOptions ok;
    EXPECT_NO_THROW(validate_ranking(ok));
    RankingOptions bad_b;
    bad_b.bm25_b = 1.5;
    EXPECT_THROW(validate_ranking(bad_b), UsageError);
    RankingOptions bad_k1;
    bad_k1.bm25_k1 = -1;
    EXPECT_THROW(validate_ranking(bad_k1), UsageError);
    RankingOptions bad_docs;
    bad_docs.expand_docs = 0;
    EXPECT_THROW(validate_ranking(bad_docs), UsageError);
}

TEST(Ranking, FeedbackAddsWordsOfTheTopResults) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder;
    const char* bodies[] = {"cocoa harvest ivory coast growers", "cocoa harvest ghana growers",
                            "wheat exports kansas", "oil prices opec", "steel output japan"};
    int n = 0;
    for (const char* body : bodies) {
        Article a;
        a.id = std::to_string(++n);
        a.body = body;
        a.source = "Reuters";
        Xapian::Document doc = builder.build(a);
        db.add_document(doc);
    }
    RankingOptions o;  // expansion off by default
    Xapian::Query q("Zcocoa");
    EXPECT_EQ(expand_with_feedback(db, q, o).get_description(), q.get_description());  // off
    o.expand_terms = 5;
    o.expand_docs = 2;
    std::string expanded = expand_with_feedback(db, q, o).get_description();
    EXPECT_NE(expanded.find("Zharvest"), std::string::npos) << expanded;
    EXPECT_NE(expanded.find("Zgrower"), std::string::npos) << expanded;
    EXPECT_NE(expanded.find("AND_MAYBE (0.2"), std::string::npos)
        << expanded;                                                   // scaled, reorders only
    EXPECT_EQ(expanded.find("XSRC"), std::string::npos) << expanded;   // no filter terms
    EXPECT_EQ(expanded.find("wheat"), std::string::npos) << expanded;  // not in the top 2
}

}  // namespace
}  // namespace gazette
