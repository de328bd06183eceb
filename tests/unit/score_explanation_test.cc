// --explain-score (searcher/engine/score_explanation.h): the parts of an article's score sum to
// the score the search gave it, for every stage of the query (words, phrases, proximity, typo
// neighbours, name variants, recency, feedback expansion), with nothing left unattributed.
#include <gtest/gtest.h>
#include <xapian.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/errors.h"
#include "indexer/document_builder.h"
#include "searcher/engine/search.h"
#include "tests/support/temp_dir.h"

namespace gazette {
namespace {

constexpr double kDay = 86400;
constexpr double kLastDay = 1735689600;  // 2025-01-01

bool has_kind(const ScoreExplanation& e, ScorePartKind kind) {
    for (const ScorePart& p : e.parts) {
        if (p.kind == kind)
            return true;
    }
    return false;
}

const ScorePart* part_of_kind(const ScoreExplanation& e, ScorePartKind kind) {
    for (const ScorePart& p : e.parts) {
        if (p.kind == kind)
            return &p;
    }
    return nullptr;
}

double sum_of_parts(const ScoreExplanation& e) {
    double sum = 0;
    for (const ScorePart& p : e.parts)
        sum += p.weight;
    return sum;
}

// Articles indexed by the indexer's DocumentBuilder into an on-disk database (spelling data
// needs one), with every plain word in the spelling data as the indexer adds it. Enough
// filler that the query words are rare enough for proximity (at most 5% of the articles).
class ScoreExplanationTest : public ::testing::Test {
  protected:
    void SetUp() override {
        Xapian::WritableDatabase db((dir_ / "db").string(), Xapian::DB_CREATE);
        DocumentBuilder builder;
        int day = 0;
        auto add = [&](const std::string& id, const std::string& title, const std::string& body) {
            Article a;
            a.id = id;
            a.title = title;
            a.body = body;
            a.source = "Test";
            a.timestamp = kLastDay - kDay * (day++ % 90);
            db.add_document(builder.build(a));
        };
        add("cocoa-coast", "Cocoa harvest on the Ivory Coast",
            "The cocoa harvest on the Ivory Coast was large, growers said of the cocoa crop.");
        add("cocoa-apart", "Growers expect a harvest",
            "Ivory prices rose. Far from there, on another coast entirely, cocoa was bought and "
            "the growers of the region talked about the weather and the harvest.");
        add("cocoa-ghana", "Ghana cocoa",
            "Ghana growers report a smaller cocoa harvest this season.");
        add("zelenskyy", "Zelenskyy speaks", "President Zelenskyy spoke about the talks.");
        add("wheat", "Wheat exports", "Wheat exports from Kansas rose.");
        // Two copies of one story: the search shows one, the other is folded into it.
        const std::string story =
            "Kansas wheat farmers expect a record harvest after the spring rains, the state "
            "agriculture board said on Monday in its weekly crop report for the plains.";
        add("wheat-story", "Record wheat harvest", story);
        add("wheat-copy", "Record wheat harvest", story);
        for (int i = 0; i < 60; ++i) {
            add("filler-" + std::to_string(i), "Report number " + std::to_string(i),
                "steel output item" + std::to_string(i) + " figures market quarter " +
                    std::string(1, static_cast<char>('a' + i % 26)) + "section");
        }
        for (Xapian::TermIterator t = db.allterms_begin(); t != db.allterms_end(); ++t) {
            const std::string term = *t;
            if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'))
                db.add_spelling(term, db.get_collection_freq(term));
        }
        db.commit();
    }

    Searcher searcher(const RankingOptions& ranking = {}) {
        SearchOptions options;
        options.ranking = ranking;
        return Searcher(Xapian::Database((dir_ / "db").string()), options);
    }

    static SearchRequest request_for(const std::string& query) {
        SearchRequest r;
        r.query = query;
        r.snippets = false;
        r.limit = 5;
        return r;
    }

    // Explains each of the top results of `request` and checks the property: the
    // explanation's score is the score the search showed, its rank the rank shown, and the
    // parts sum to it, with no unattributed part. Returns the explanations, best first.
    std::vector<ScoreExplanation> explain_top(const SearchRequest& request,
                                              const RankingOptions& ranking = {}) {
        Searcher s = searcher(ranking);
        SearchResults results = s.search(request);
        EXPECT_FALSE(results.results.empty()) << request.query;
        std::vector<ScoreExplanation> out;
        for (const Hit& hit : results.results) {
            SearchRequest explained = request;
            explained.explain_score = hit.id;
            SearchResults again = s.search(explained);
            EXPECT_TRUE(again.explain_score.has_value());
            if (!again.explain_score)
                continue;
            const ScoreExplanation& e = *again.explain_score;
            EXPECT_TRUE(e.matches) << hit.id;
            EXPECT_EQ(e.rank, hit.rank) << hit.id;
            EXPECT_NEAR(e.score, hit.score, 1e-9 * hit.score) << hit.id;
            EXPECT_NEAR(sum_of_parts(e), e.score, 1e-9 * e.score) << request.query << " " << hit.id;
            EXPECT_FALSE(has_kind(e, ScorePartKind::kOther)) << request.query << " " << hit.id;
            out.push_back(e);
        }
        return out;
    }

    testing::TempDir dir_;
};

TEST_F(ScoreExplanationTest, PlainWordsAreOnePartEach) {
    SearchRequest r = request_for("cocoa growers");
    r.proximity = false;
    auto explained = explain_top(r);
    ASSERT_FALSE(explained.empty());
    for (const ScoreExplanation& e : explained) {
        for (const ScorePart& p : e.parts) {
            EXPECT_EQ(p.kind, ScorePartKind::kTerm);
            EXPECT_TRUE(p.term == "cocoa" || p.term == "grower") << p.term;
            EXPECT_EQ(p.field, "title+body");
        }
    }
}

TEST_F(ScoreExplanationTest, PhrasesAndFieldWords) {
    explain_top(request_for("\"ivory coast\" cocoa"));
    explain_top(request_for("cocoa -ghana"));
    auto wildcard = explain_top(request_for("coc* growers"));
    ASSERT_FALSE(wildcard.empty());
    bool pattern_part = false;
    for (const ScorePart& p : wildcard.front().parts)
        pattern_part = pattern_part || (p.kind == ScorePartKind::kTerm && p.term == "coc*");
    EXPECT_TRUE(pattern_part);
    auto titled = explain_top(request_for("title:cocoa harvest"));
    ASSERT_FALSE(titled.empty());
    bool title_part = false;
    for (const ScorePart& p : titled.front().parts)
        title_part = title_part || (p.field == "title" && p.term == "cocoa");
    EXPECT_TRUE(title_part);
}

TEST_F(ScoreExplanationTest, ProximityIsItsOwnPart) {
    auto explained = explain_top(request_for("ivory coast"));
    ASSERT_FALSE(explained.empty());
    EXPECT_EQ(explained.front().id, "cocoa-coast");
    EXPECT_TRUE(has_kind(explained.front(), ScorePartKind::kProximity));
    // The same words far apart get no boost.
    for (const ScoreExplanation& e : explained) {
        if (e.id == "cocoa-apart") {
            EXPECT_FALSE(has_kind(e, ScorePartKind::kProximity));
        }
    }
}

TEST_F(ScoreExplanationTest, TypoNeighboursNameTheWordTheyCorrect) {
    auto explained = explain_top(request_for("cocao"));
    ASSERT_FALSE(explained.empty());
    const ScorePart* typo = part_of_kind(explained.front(), ScorePartKind::kTypo);
    ASSERT_NE(typo, nullptr);
    EXPECT_EQ(typo->term, "cocao");
    EXPECT_EQ(typo->to, std::vector<std::string>{"cocoa"});
    EXPECT_GT(typo->weight, 0);
}

TEST_F(ScoreExplanationTest, NameVariantsAreOneWordWithTheTypedOne) {
    SearchRequest r = request_for("Zelensky");
    r.typos = false;
    auto explained = explain_top(r);
    ASSERT_EQ(explained.size(), 1u);
    EXPECT_EQ(explained.front().id, "zelenskyy");
    EXPECT_TRUE(has_kind(explained.front(), ScorePartKind::kNameVariant));
}

TEST_F(ScoreExplanationTest, RecencyBoostIsItsOwnPart) {
    SearchRequest r = request_for("cocoa harvest");
    r.sort = SortOrder::kRecency;
    r.recency.now = kLastDay;
    auto explained = explain_top(r);
    ASSERT_FALSE(explained.empty());
    for (const ScoreExplanation& e : explained)
        EXPECT_TRUE(has_kind(e, ScorePartKind::kRecency)) << e.id;
}

TEST_F(ScoreExplanationTest, FeedbackTermsAreTheirOwnParts) {
    RankingOptions ranking;
    ranking.expand_terms = 5;
    ranking.expand_docs = 2;
    auto explained = explain_top(request_for("cocoa"), ranking);
    ASSERT_FALSE(explained.empty());
    EXPECT_TRUE(has_kind(explained.front(), ScorePartKind::kExpansion));
}

TEST_F(ScoreExplanationTest, RelatedArticlesAreExplainedByTheirTerms) {
    SearchRequest r;
    r.like = "cocoa-coast";
    r.snippets = false;
    r.limit = 3;
    auto explained = explain_top(r);
    ASSERT_FALSE(explained.empty());
    for (const ScoreExplanation& e : explained) {
        for (const ScorePart& p : e.parts)
            EXPECT_EQ(p.kind, ScorePartKind::kTerm) << p.term;
    }
}

TEST_F(ScoreExplanationTest, ANearDuplicateHasTheRankOfTheResultItWasFoldedInto) {
    Searcher s = searcher();
    SearchRequest r = request_for("record wheat harvest");
    SearchResults results = s.search(r);
    ASSERT_FALSE(results.results.empty());
    const Hit& shown = results.results.front();
    ASSERT_EQ(shown.duplicates, 1u);
    std::string folded = shown.id == "wheat-story" ? "wheat-copy" : "wheat-story";
    r.explain_score = folded;
    ScoreExplanation e = *s.search(r).explain_score;
    EXPECT_TRUE(e.matches);
    EXPECT_EQ(e.duplicate_of, shown.id);
    EXPECT_EQ(e.rank, shown.rank);
    EXPECT_NEAR(sum_of_parts(e), e.score, 1e-9 * e.score);

    r.collapse = false;  // every copy shown: each has its own rank
    e = *s.search(r).explain_score;
    EXPECT_EQ(e.duplicate_of, "");
    EXPECT_GT(e.rank, 0u);
}

TEST_F(ScoreExplanationTest, AnArticleThatDoesNotMatch) {
    Searcher s = searcher();
    SearchRequest r = request_for("cocoa");
    r.explain_score = "wheat";
    SearchResults results = s.search(r);
    ASSERT_TRUE(results.explain_score.has_value());
    EXPECT_FALSE(results.explain_score->matches);
    EXPECT_EQ(results.explain_score->rank, 0u);
    EXPECT_EQ(results.explain_score->score, 0);
    EXPECT_TRUE(results.explain_score->parts.empty());
}

TEST_F(ScoreExplanationTest, AnUnknownIdIsAnErrorNamingIt) {
    Searcher s = searcher();
    SearchRequest r = request_for("cocoa");
    r.explain_score = "no-such-article";
    try {
        s.search(r);
        FAIL() << "no error for an unknown id";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("no-such-article"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace gazette
