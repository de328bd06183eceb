// Snippets (searcher/engine/snippets.h): the passage PassageChooser finds in the part of a
// hit's text that Snippets reads is the passage Xapian finds in the whole text, on real BBC
// articles and real queries; the keys that choose that part are in every word a query term
// matches, and start every such word.
#include "searcher/engine/snippets.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/text/utf8.h"
#include "indexer/document_builder.h"
#include "searcher/engine/search.h"
#include "tests/support/temp_dir.h"

namespace gazette {
namespace {

const std::filesystem::path kBbc =
    std::filesystem::path(GAZETTE_SHARED_DIR) / "corpora" / "bbc-news" / "bbc";

// The BBC files are Latin-1 ("£" is 0xA3): as UTF-8, as the indexer's readers store text.
std::string read_latin1_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return latin1_to_utf8(s.str());
}

// The BBC files of every section in name order: title on the first line, the body after.
std::vector<Article> bbc_articles() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kBbc)) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt" &&
            entry.path().parent_path() != kBbc)
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Article> out;
    for (const auto& file : files) {
        std::string text = read_latin1_file(file);
        Article a;
        a.id = file.parent_path().filename().string() + "/" + file.stem().string();
        std::size_t eol = text.find('\n');
        a.title = text.substr(0, eol);
        a.body = eol == std::string::npos ? "" : text.substr(eol + 1);
        a.source = "BBC";
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<std::string> words_of(const std::string& text) {
    static const std::regex word("[A-Za-z][A-Za-z']+");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word);
         it != std::sregex_iterator(); ++it)
        out.push_back(it->str());
    return out;
}

std::string lower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

TEST(SnippetKeys, EveryEnglishStemKeyIsInTheWordsThatGiveTheStem) {
    ASSERT_TRUE(std::filesystem::exists(kBbc)) << "shared corpus missing: " << kBbc;
    Xapian::Stem stem("english");
    std::set<std::string> words;
    for (const Article& a : bbc_articles()) {
        for (const std::string& w : words_of(a.title + "\n" + a.body))
            words.insert(lower(w));
    }
    ASSERT_GT(words.size(), 20000u);
    for (const std::string w : {"lying", "dying", "tying", "skies", "gently", "only"})
        words.insert(w);
    std::size_t checked = 0;
    for (const std::string& w : words) {
        SnippetKeys keys(Xapian::Query("Z" + stem(w)), "en");
        if (!keys.usable())
            continue;  // a one-letter stem: nothing to look for
        ++checked;
        EXPECT_LT(keys.first_in(w), w.size()) << w << " -> " << stem(w);
        // PassageChooser looks up and stems only the words a key starts.
        EXPECT_TRUE(keys.could_start(w)) << w << " -> " << stem(w);
    }
    EXPECT_GT(checked, words.size() * 99 / 100);
}

TEST(SnippetKeys, FindTheWordsXapianWouldMatch) {
    SnippetKeys keys(
        Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Zcompani"), Xapian::Query("ukraine")),
        "en");
    ASSERT_TRUE(keys.usable());
    EXPECT_EQ(keys.first_in("The COMPANY said"), 4u);
    EXPECT_EQ(keys.first_in("In Ukraine, companies"), 3u);
    const std::string none = "Nothing here.";
    EXPECT_EQ(keys.first_in(none), none.size());

    // Xapian reads "U.S." as "us"; an apostrophe may be U+2019 in the text.
    SnippetKeys us(Xapian::Query("us"), "en");
    EXPECT_EQ(us.first_in("The U.S. said"), 4u);
    SnippetKeys trump(Xapian::Query("trump's"), "en");
    EXPECT_EQ(trump.first_in("Mr Trump\u2019s plan"), 3u);

    // Field and filter terms are never words of the text.
    SnippetKeys filtered(
        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("Zoil"), Xapian::Query("XSBBC")),
        "en");
    ASSERT_TRUE(filtered.usable());
    EXPECT_EQ(filtered.keys(), (std::vector<std::string>{"o.i", "oi"}));
}

TEST(SnippetKeys, AreNotUsedWhereAByteSearchCouldMissAMatch) {
    EXPECT_FALSE(SnippetKeys(Xapian::Query("Zfrançai"), "fr").usable());  // not Porter2
    EXPECT_FALSE(SnippetKeys(Xapian::Query("über"), "en").usable());      // case of non-ASCII
    EXPECT_FALSE(SnippetKeys(Xapian::Query(Xapian::Query::OP_WILDCARD, "econom"), "en").usable());
    EXPECT_TRUE(SnippetKeys(Xapian::Query("café"), "fr").usable());  // unstemmed: "caf"
}

TEST(TextOpening, CutsAfterAWholeWordAndEscapes) {
    EXPECT_EQ(text_opening("  Short & sweet <b>", 240), "Short &amp; sweet &lt;b&gt;");
    EXPECT_EQ(text_opening("one two three four", 10), "one two…");
    EXPECT_EQ(text_opening("abcdefghijkl", 5), "abcde…");
    EXPECT_EQ(text_opening("\xc3\xa9\xc3\xa9\xc3\xa9", 3), "\xc3\xa9…");
}

// Real articles and queries: every snippet Snippets makes is Xapian's from the whole text,
// and where that has no highlighted word, the text's opening. Most are PassageChooser's.
class SnippetsOnBbc : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        articles_ = new std::vector<Article>(bbc_articles());
        dir_ = new testing::TempDir();
        Xapian::WritableDatabase db((*dir_ / "db").string(), Xapian::DB_CREATE);
        DocumentBuilder builder;
        for (const Article& a : *articles_)
            db.add_document(builder.build(a));
        db.commit();
    }
    static void TearDownTestSuite() {
        delete dir_;
        delete articles_;
    }

    static std::vector<Article>* articles_;
    static testing::TempDir* dir_;
};

std::vector<Article>* SnippetsOnBbc::articles_ = nullptr;
testing::TempDir* SnippetsOnBbc::dir_ = nullptr;

TEST_F(SnippetsOnBbc, AreXapiansPassageFromTheWholeText) {
    ASSERT_GT(articles_->size(), 2000u);
    Xapian::Database db((*dir_ / "db").string());
    Searcher searcher(db, SearchOptions{});
    std::mt19937 rng(7);
    std::size_t compared = 0, shortened = 0, openings = 0, chosen = 0;
    for (int q = 0; q < 300; ++q) {
        // 1-3 words of a random title, as typed (names keep their capitals), or a phrase.
        const Article& a = (*articles_)[rng() % articles_->size()];
        std::vector<std::string> words = words_of(a.title);
        if (words.empty())
            continue;
        std::size_t from = rng() % words.size();
        std::size_t count = 1 + rng() % 3;
        std::string text;
        for (std::size_t i = from; i < std::min(words.size(), from + count); ++i)
            text += (text.empty() ? "" : " ") + words[i];
        if (q % 10 == 0)
            text = "\"" + text + "\"";
        SearchRequest request;
        request.query = text;
        Xapian::Query query = searcher.build_query(request);
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        Xapian::MSet mset = enquire.get_mset(0, 10);
        Snippets snippets(mset, query, searcher.stemmer(), searcher.stem_language());
        SnippetKeys keys(query, searcher.stem_language());
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            const Article& hit = (*articles_)[*it - 1];
            std::string whole =
                mset.snippet(hit.body, 240, searcher.stemmer(), Xapian::MSet::SNIPPET_CJK_NGRAM,
                             "<mark>", "</mark>", "…");
            std::string ours = snippets.of(hit.body);
            if (whole.find("<mark>") == std::string::npos) {
                EXPECT_EQ(ours, text_opening(hit.body, 240)) << text << " in " << hit.id;
                ++openings;
            } else {
                EXPECT_EQ(ours, whole) << text << " in " << hit.id;
                ++compared;
            }
            if (keys.usable() && keys.first_in(hit.body) > 2 * 240 + 64)
                ++shortened;
            if (keys.usable() && whole.find("<mark>") != std::string::npos)
                ++chosen;
        }
    }
    // The comparison means something only if many texts were read from a later start.
    EXPECT_GT(compared, 1500u);
    EXPECT_GT(shortened, 200u);
    EXPECT_GT(chosen, compared * 9 / 10);
    std::cout << compared << " passages compared (" << chosen << " by PassageChooser, " << shortened
              << " from a later start), " << openings << " openings\n";
}

}  // namespace
}  // namespace gazette
