// The HTML reader: metadata from JSON-LD, Open Graph and <meta>, main text without page
// furniture, dates in words, and the French Wikinews pages from ../shared.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "indexer/readers/html_reader.h"
#include "indexer/readers/input_files.h"
#include "indexer/readers/page_date.h"
#include "tests/support/recording_sink.h"
#include "tests/support/temp_dir.h"

namespace gazette {
namespace {

using testing::RecordingSink;
using testing::TempDir;

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

RecordingSink read_page(const std::string& html, const std::string& id = "page.html") {
    RecordingSink sink;
    HtmlContext context;
    context.id = id;
    context.display_name = id;
    read_html_document(html, context, sink);
    return sink;
}

const char* kNewsPage = R"html(<!DOCTYPE html>
<html lang="en-GB">
<head>
  <title>Grain deal signed | Example News</title>
  <meta property="og:title" content="Grain deal signed (og)">
  <meta property="og:site_name" content="Example News">
  <meta property="article:published_time" content="2025-03-02T09:15:00+01:00">
  <link rel="canonical" href="https://news.example/world/grain-deal">
  <script type="application/ld+json">
  {"@context": "https://schema.org", "@graph": [
    {"@type": "WebPage", "name": "not this one"},
    {"@type": ["NewsArticle"], "headline": "Grain deal signed in Istanbul",
     "datePublished": "2025-03-02T08:00:00Z",
     "author": [{"@type": "Person", "name": "Olena Kovalenko"}, {"name": "Sam Reed"}],
     "articleSection": ["World", "Europe"],
     "url": "https://news.example/world/grain-deal",
     "keywords": "grain, shipping"}]}
  </script>
  <style>.x { color: red }</style>
</head>
<body>
  <header><a href="/">Example News home</a><nav><ul><li>World</li><li>Sport</li></ul></nav></header>
  <nav class="breadcrumbs">Home &gt; World</nav>
  <main>
    <article>
      <header><h1>Grain deal signed in Istanbul</h1><time datetime="2020-01-01">old</time></header>
      <p>Ships will leave Odesa on Sunday under the new agreement.</p>
      <script>var tracking = "SCRIPT-MARKER";</script>
      <figure><img src="x.jpg"><figcaption>CAPTION-MARKER</figcaption></figure>
      <p>Officials said the <b>first</b> convoy carries wheat.</p>
      <aside>Read more: ASIDE-MARKER</aside>
      <form><label>Subscribe FORM-MARKER</label></form>
      <noscript>NOSCRIPT-MARKER</noscript>
      <div hidden>HIDDEN-MARKER</div>
    </article>
  </main>
  <aside><p>Most read: ASIDE-PARAGRAPH-MARKER and a long list of other stories.</p></aside>
  <footer><p>Copyright FOOTER-MARKER</p></footer>
</body></html>)html";

TEST(HtmlReader, JsonLdWinsForHeadlineDateAuthorsAndSection) {
    auto sink = read_page(kNewsPage);
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_TRUE(sink.rejects.empty());
    const Article& a = sink.articles[0];
    EXPECT_EQ(a.title, "Grain deal signed in Istanbul");
    EXPECT_EQ(a.date_text, "2025-03-02T08:00:00Z");
    EXPECT_EQ(a.authors, (std::vector<std::string>{"Olena Kovalenko", "Sam Reed"}));
    EXPECT_EQ(a.section, "World");
    EXPECT_EQ(a.url, "https://news.example/world/grain-deal");
    EXPECT_EQ(a.id, "https://news.example/world/grain-deal");  // the canonical URL
    EXPECT_EQ(a.source, "Example News");
    EXPECT_EQ(a.language, "en");
    EXPECT_EQ(a.tags, (std::vector<std::string>{"grain", "shipping"}));
}

TEST(HtmlReader, BodyIsTheArticleWithoutPageFurniture) {
    auto sink = read_page(kNewsPage);
    ASSERT_EQ(sink.articles.size(), 1u);
    const std::string& body = sink.articles[0].body;
    EXPECT_EQ(body,
              "Ships will leave Odesa on Sunday under the new agreement.\n"
              "Officials said the first convoy carries wheat.");
    for (const char* absent :
         {"SCRIPT-MARKER", "CAPTION-MARKER", "ASIDE-MARKER", "FORM-MARKER", "NOSCRIPT-MARKER",
          "HIDDEN-MARKER", "ASIDE-PARAGRAPH-MARKER", "FOOTER-MARKER", "Example News home", "Sport",
          "Home > World", "color: red", "tracking", "Grain deal signed"}) {
        EXPECT_FALSE(contains(body, absent)) << absent << " is in the body: " << body;
    }
}

TEST(HtmlReader, OpenGraphAndMetaTagsWithoutJsonLd) {
    auto sink = read_page(R"(<html><head>
        <title>Storm closes port - Local Wire</title>
        <meta property="og:title" content="Storm closes port">
        <meta property="og:url" content="https://wire.example/storm">
        <meta property="og:locale" content="de_DE">
        <meta property="article:published_time" content="2024-11-05 14:30:00 UTC">
        <meta property="article:section" content="Weather">
        <meta property="article:author" content="https://facebook.com/someone">
        <meta name="author" content="Kim Park">
        <meta property="article:tag" content="storms">
        </head><body><p>The port closed at noon.</p></body></html>)");
    ASSERT_EQ(sink.articles.size(), 1u);
    const Article& a = sink.articles[0];
    EXPECT_EQ(a.title, "Storm closes port");
    EXPECT_EQ(a.id, "https://wire.example/storm");
    EXPECT_EQ(a.date_text, "2024-11-05T14:30:00Z");
    EXPECT_EQ(a.section, "Weather");
    EXPECT_EQ(a.authors, (std::vector<std::string>{"Kim Park"}));  // not the profile URL
    EXPECT_EQ(a.tags, (std::vector<std::string>{"storms"}));
    EXPECT_EQ(a.language, "de");
    EXPECT_EQ(a.body, "The port closed at noon.");
}

TEST(HtmlReader, ThePlainestPageUsesTitleTimeAndThePathAsId) {
    auto sink = read_page(
        "<title>Library reopens</title><p>The doors opened <time datetime=\"2023-06-01T10:00\">"
        "this morning</time>.</p>",
        "local/library.html");
    ASSERT_EQ(sink.articles.size(), 1u);
    const Article& a = sink.articles[0];
    EXPECT_EQ(a.title, "Library reopens");
    EXPECT_EQ(a.id, "local/library.html");
    EXPECT_EQ(a.url, "");
    EXPECT_EQ(a.date_text, "2023-06-01T10:00:00Z");
    EXPECT_EQ(a.body, "The doors opened this morning.");
}

TEST(HtmlReader, APageWithNoDateIsIndexedUndated) {
    auto sink = read_page("<html><body><h1>Undated</h1><p>No date anywhere.</p></body></html>");
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].title, "Undated");
    EXPECT_FALSE(sink.articles[0].timestamp.has_value());
    EXPECT_EQ(sink.articles[0].date_text, "");
    EXPECT_TRUE(sink.warnings.empty());
}

TEST(HtmlReader, AnUnreadableMetaDateIsAWarningNotARejection) {
    auto sink =
        read_page("<meta name=\"date\" content=\"yesterday\"><h1>T</h1><p>22 May 2012 - Body.</p>");
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].date_text, "2012-05-22");  // from the dateline instead
    ASSERT_EQ(sink.warnings.size(), 1u);
    EXPECT_TRUE(contains(sink.warnings[0].reason, "yesterday"));
}

TEST(HtmlReader, TheElementWithTheMostParagraphTextIsTheBody) {
    auto sink = read_page(R"(<body>
        <div class="menu"><p>Menu</p></div>
        <div class="story">
          <div><p>First long paragraph of the story, with plenty of words in it.</p></div>
          <div><p>Second long paragraph of the story, also with plenty of words.</p></div>
        </div>
        <div class="related"><p>Related: short</p></div></body>)");
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].body,
              "First long paragraph of the story, with plenty of words in it.\n"
              "Second long paragraph of the story, also with plenty of words.");
}

TEST(HtmlReader, SoftHyphensGoAndNarrowSpacesBecomeSpaces) {
    auto sink = read_page(
        "<html lang=\"fr\"><h1>Pre\xC2\xAD"
        "mier</h1><p>Il est 7\xE2\x80\xAFh et 10\xC2\xA0km, pre&shy;mier.</p></html>");
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].title, "Premier");
    EXPECT_EQ(sink.articles[0].body, "Il est 7 h et 10 km, premier.");
    EXPECT_EQ(sink.articles[0].language, "fr");
}

TEST(HtmlReader, LanguageIsGuessedWhenThePageDoesNotSayIt) {
    auto sink = read_page(
        "<h1>Sortie</h1><p>Le système est une distribution pour les ordinateurs et il est "
        "disponible dans les magasins. Les utilisateurs sont contents du résultat, et la "
        "version a été publiée par la société pour le public.</p>");
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].language, "fr");
    auto english = read_page("<h1>Short</h1><p>Too short to tell.</p>");
    EXPECT_EQ(english.articles[0].language, "en");  // the default
}

TEST(HtmlReader, Latin1PagesAreDecodedWithAWarning) {
    auto sink = read_page(
        "<title>Caf\xE9</title><p>Cr\xE8me br\xFBl\xE9"
        "e.</p>");
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].title, "Café");
    EXPECT_EQ(sink.articles[0].body, "Crème brûlée.");
    EXPECT_EQ(sink.warnings.size(), 1u);
}

TEST(HtmlReader, APageWithoutTextIsRejected) {
    auto sink = read_page("<html><head><script>x()</script></head><body><nav>Menu</nav></body>");
    EXPECT_TRUE(sink.articles.empty());
    ASSERT_EQ(sink.rejects.size(), 1u);
    EXPECT_EQ(sink.rejects[0].where, "page.html");
}

// fuzz_html found this: a closer before the first opener once made a reversed range that
// read past the end of the script text. Under ASan (GAZETTE_SANITIZE) it would abort.
TEST(HtmlReader, JsonLdWithItsLastCloserBeforeItsFirstOpenerIsIgnored) {
    auto sink = read_page(
        "<html><head><title>Closers first</title>"
        "<script type=\"application/ld+json\">] {\"headline\": \"" +
        std::string(200, 'x') +
        "</script></head>"
        "<body><p>The text is still indexed.</p></body></html>");
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].title, "Closers first");
}

TEST(HtmlReader, DeepNestingDoesNotCrash) {
    std::string html = "<body>";
    for (int i = 0; i < 5000; ++i)
        html += "<span>";
    html += "deep</body><h1>Deep</h1>";
    auto sink = read_page(html);
    EXPECT_EQ(sink.articles.size() + sink.rejects.size(), 1u);
}

TEST(PageDate, MetadataFormsAndDatesInWords) {
    struct Case {
        const char* text;
        const char* normalized;  // "" = not a date
    } cases[] = {
        {"2012-05-22", "2012-05-22"},
        {"2012-05-22T07:44:00+02:00", "2012-05-22T05:44:00Z"},
        {"2012-05-22T07:44:00.123Z", "2012-05-22T07:44:00Z"},
        {"2012-05-22 07:44:00 UTC", "2012-05-22T07:44:00Z"},
        {"2012-05-22T07:44:00 +02:00", "2012-05-22T05:44:00Z"},
        {"2012-05-22T07:44:00 CEST", "2012-05-22"},
        {"2012/05/22", "2012-05-22"},
        {"20120522", "2012-05-22"},
        {"Tue, 22 May 2012 07:44:00 GMT", "2012-05-22T07:44:00Z"},
        {"Tue, 22 May 2012 07:44:00 +0200", "2012-05-22T05:44:00Z"},
        {"Tue, 22 May 2012 07:44:00 -05:00", "2012-05-22T12:44:00Z"},
        {"May 22, 2012", "2012-05-22"},
        {"May 22nd, 2012 10:30", "2012-05-22T10:30:00Z"},
        {"22 mai 2012", "2012-05-22"},
        {"mardi 1er août 2012", "2012-08-01"},
        {"22. März 2012", "2012-03-22"},
        {"3 déc. 2012", "2012-12-03"},
        {"2012-02-30", ""},
        {"yesterday", ""},
        {"31 février 2012", ""},
    };
    for (const auto& c : cases) {
        auto d = parse_page_date(c.text);
        EXPECT_EQ(d ? d->normalized : "", c.normalized) << c.text;
    }
}

TEST(PageDate, DatelinesOnlyAtTheStartOfAParagraph) {
    EXPECT_EQ(parse_dateline("22 mai 2012. - Prévu initialement")->normalized, "2012-05-22");
    EXPECT_EQ(parse_dateline("1er août 2012, Espagne. - Le Parti")->normalized, "2012-08-01");
    EXPECT_EQ(parse_dateline("May 22, 2012 — Ships left")->normalized, "2012-05-22");
    EXPECT_FALSE(parse_dateline("Le 18 octobre 2012, six mois après"));
    EXPECT_FALSE(parse_dateline("Ubuntu est un système"));
    EXPECT_FALSE(parse_dateline("22 mai 20123"));
}

// The 100 French Wikinews pages of the keyphrase corpus: <title>, <h1>, an <h2> lead and
// <p> paragraphs, the first opening with a dateline ("22 mai 2012. - "), soft hyphens.
TEST(WikinewsFr, AllHundredPagesBecomeDatedFrenchArticles) {
    std::filesystem::path dir = std::filesystem::path(GAZETTE_SHARED_DIR) /
                                "corpora/wikinews-fr-100/WikinewsKeyphraseCorpus-master/documents";
    if (!std::filesystem::exists(dir))
        GTEST_FAIL() << "shared corpus missing: " << dir;
    auto plan = plan_inputs({dir.string()}, std::nullopt);
    ASSERT_EQ(plan.files.size(), 100u);
    RecordingSink sink;
    for (const auto& f : plan.files)
        read_input(f, "Wikinews", sink);
    EXPECT_TRUE(sink.rejects.empty());
    EXPECT_TRUE(sink.warnings.empty());
    ASSERT_EQ(sink.articles.size(), 100u);
    int dated = 0;
    for (const Article& a : sink.articles) {
        SCOPED_TRACE(a.id);
        EXPECT_FALSE(a.title.empty());
        EXPECT_FALSE(a.body.empty());
        EXPECT_EQ(a.language, "fr");
        EXPECT_EQ(a.source, "Wikinews");
        EXPECT_FALSE(contains(a.title + a.body, "\xC2\xAD"));      // U+00AD soft hyphen
        EXPECT_FALSE(contains(a.title + a.body, "\xE2\x80\xAF"));  // U+202F
        if (a.timestamp) {
            ++dated;
            EXPECT_TRUE(a.date_text.starts_with("2012-")) << a.date_text;
        }
    }
    // 45513.html (Ubuntu 12.10) is the one page without a dateline: its first paragraph
    // explains what Ubuntu is; it is indexed undated rather than dated from its running text.
    EXPECT_EQ(dated, 99);
    auto ubuntu = std::find_if(sink.articles.begin(), sink.articles.end(),
                               [](const Article& a) { return a.id == "45513.html"; });
    ASSERT_NE(ubuntu, sink.articles.end());
    EXPECT_FALSE(ubuntu->timestamp.has_value());

    const Article& first = sink.articles[0];
    EXPECT_EQ(first.id, "43971.html");
    EXPECT_EQ(first.title, "États-Unis : Lancement réussi pour Space X Dragon");
    EXPECT_EQ(first.date_text, "2012-05-22");
    EXPECT_TRUE(first.body.starts_with("La fusée Falcon 9, développée par une société privée"))
        << first.body.substr(0, 200);
    EXPECT_TRUE(contains(first.body, "des neuf moteurs du premier étage du lanceur."));
}

}  // namespace
}  // namespace gazette
