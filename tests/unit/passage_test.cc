// PassageChooser (searcher/engine/passage.h) chooses and writes the passage Xapian's
// MSet::snippet writes for the same text and match, byte for byte: on texts made to hit each
// rule of Xapian's tokeniser and passage (initials, joined words, numbers, "C++", typographic
// apostrophes, zero-width characters, bytes that are not UTF-8, words over 64 bytes, phrases,
// repeats, sentence ends, punctuation at either end), and on random texts of such pieces.
// snippets_test.cc compares the same on real BBC articles.
#include "searcher/engine/passage.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <random>
#include <string>
#include <vector>

namespace gazette {
namespace {

constexpr std::size_t kLength = 240;

// A match to take the term weights from: the texts indexed as Xapian's examples index text,
// the query parsed with the English stemmer (STEM_SOME, as Gazette parses).
struct Match {
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
    Xapian::Stem stemmer{"english"};
    Xapian::Query query;
    Xapian::MSet mset;

    Match(const std::vector<std::string>& texts, const std::string& query_text) {
        Xapian::TermGenerator indexer;
        indexer.set_stemmer(stemmer);
        for (const std::string& text : texts) {
            Xapian::Document doc;
            indexer.set_document(doc);
            indexer.index_text(text);
            db.add_document(doc);
        }
        db.commit();
        Xapian::QueryParser parser;
        parser.set_database(db);
        parser.set_stemmer(stemmer);
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser.set_default_op(Xapian::Query::OP_OR);
        query = parser.parse_query(query_text, Xapian::QueryParser::FLAG_DEFAULT);
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        mset = enquire.get_mset(0, 10);
    }

    std::string xapian(const std::string& text) const {
        return mset.snippet(text, kLength, stemmer, Xapian::MSet::SNIPPET_CJK_NGRAM, "<mark>",
                            "</mark>", "…");
    }
};

void expect_as_xapian(const std::vector<std::string>& texts, const std::string& query_text) {
    Match match(texts, query_text);
    SnippetKeys keys(match.query, "en");
    ASSERT_TRUE(keys.usable()) << query_text;
    PassageChooser chooser(match.mset, match.query, match.stemmer, keys);
    for (const std::string& text : texts) {
        std::optional<std::string> ours = chooser.choose(text, kLength);
        ASSERT_TRUE(ours) << text;
        EXPECT_EQ(*ours, match.xapian(text)) << "query: " << query_text << "\ntext: " << text;
    }
}

std::string repeated(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

TEST(PassageChooser, ReadsWordsAsXapiansTokeniser) {
    const std::string filler = repeated("The weather was mild and the markets were quiet. ", 6);
    expect_as_xapian({filler + "The U.S. and the E.U. agreed; U.S.A. officials said so. " + filler,
                      "Initials: P.T.O. and U.N.C.L.E, a.m. and U.S.-led talks. " + filler},
                     "US officials");
    expect_as_xapian(
        {filler + "AT&T rose 3.5 percent to 1,000.25 dollars; C++ and C# fell. " + filler,
         "fish+chips and C+++ and AT&T's shares. " + filler},
        "at&t c++ 3.5 shares");
    expect_as_xapian({filler + "Ukraine\u2019s negotiators and Ukraine's allies met. " + filler,
                      "o\u2019clock ne\u200bgotiators Ukraine\u201bs " + filler},
                     "ukraine's negotiators");
    expect_as_xapian(
        {filler + "caf\xe9 \xff\xfe broken bytes near the caf\xc3\xa9 talks. " + filler},
        "talks broken");
    expect_as_xapian(
        {filler + repeated("x", 70) + " talks " + repeated("talks", 14) + " end. " + filler},
        "talks end");
}

TEST(PassageChooser, ChoosesAndCutsThePassageAsXapian) {
    const std::string filler = repeated("Nothing of note happened on the day in question. ", 8);
    // Repeats count less: the passage with both words wins over the one with one word often.
    expect_as_xapian(
        {filler + repeated("peace ", 20) + filler + "peace talks opened. " + filler,
         "(AP) \u2014 \u201cPeace talks,\u201d he said, \u00a3300 for peace! " + filler + "Peace?"},
        "peace talks");
    // A phrase is one unit and one mark.
    expect_as_xapian({filler + "peace and talks, then peace talks in Istanbul. " + filler,
                      "talks peace " + filler + " peace talks"},
                     "\"peace talks\" Istanbul");
    // Punctuation kept at either end, and a sentence end instead of "…".
    expect_as_xapian({"\"#1 \u00bfcocoa\" -- " + filler + "cocoa (crop) \u201ccocoa\u201d...",
                      filler + "cocoa! Then more. " + filler, "cocoa"},
                     "cocoa");
}

TEST(PassageChooser, LeavesCjkTextToXapian) {
    Match match({"Tokyo 東京の株価が上昇 talks"}, "talks");
    SnippetKeys keys(match.query, "en");
    PassageChooser chooser(match.mset, match.query, match.stemmer, keys);
    EXPECT_FALSE(chooser.choose("Tokyo 東京の株価が上昇 talks", kLength));
    EXPECT_TRUE(chooser.choose("Tokyo talks", kLength));
}

// Random texts of the pieces above, each compared with Xapian's passage.
TEST(PassageChooser, WritesXapiansPassageOfRandomTexts) {
    const std::vector<std::string> pieces = {"peace",
                                             "talks",
                                             "Talks",
                                             "talking",
                                             "PEACE",
                                             "U.S.",
                                             "U.S",
                                             "A.B.C.",
                                             "AT&T",
                                             "C++",
                                             "C#",
                                             "3.5",
                                             "1,000",
                                             "o'clock",
                                             "Ukraine\u2019s",
                                             "the",
                                             "of",
                                             "and",
                                             "markets",
                                             "fell",
                                             "rose",
                                             "Istanbul",
                                             "istanbul",
                                             "caf\xc3\xa9",
                                             "\xff",
                                             "ne\u200bgotiators",
                                             "negotiators",
                                             "x_y",
                                             "e-mail",
                                             repeated("z", 66),
                                             ".",
                                             ",",
                                             ";",
                                             "!",
                                             "?",
                                             "...",
                                             "\"",
                                             "(",
                                             ")",
                                             "\u201c",
                                             "\u201d",
                                             "\u2014",
                                             "-",
                                             "\u00a3",
                                             "%",
                                             "'",
                                             "\n\n",
                                             "  ",
                                             "#",
                                             "+",
                                             "&",
                                             "/"};
    const std::vector<std::string> queries = {
        "peace talks",           "\"peace talks\"", "US markets",  "at&t c++",
        "Ukraine's negotiators", "istanbul",        "o'clock 3.5", "\"peace talks\" istanbul"};
    std::mt19937 rng(19);
    std::vector<std::string> texts;
    for (int t = 0; t < 400; ++t) {
        std::string text;
        int words = 20 + static_cast<int>(rng() % 300);
        for (int w = 0; w < words; ++w) {
            text += pieces[rng() % pieces.size()];
            if (rng() % 3)
                text += ' ';
        }
        texts.push_back(std::move(text));
    }
    for (const std::string& q : queries)
        expect_as_xapian(texts, q);
}

}  // namespace
}  // namespace gazette
