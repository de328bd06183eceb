// The NITF, NewsML-G2, RSS, Atom and TREC readers on small documents: what the end-to-end
// test (tests/e2e/ingest_formats_test.py) does not reach file by file: detection, dates,
// encodings, namespaces, entities, CDATA and damage in odd places.
#include <gtest/gtest.h>

#include "indexer/readers/atom_reader.h"
#include "indexer/readers/format_registry.h"
#include "indexer/readers/html_entities.h"
#include "indexer/readers/html_fragment.h"
#include "indexer/readers/html_text_rules.h"
#include "indexer/readers/newsml_reader.h"
#include "indexer/readers/nitf_reader.h"
#include "indexer/readers/rss_reader.h"
#include "indexer/readers/trec_reader.h"
#include "indexer/readers/xml_stream.h"
#include "tests/support/memory_source.h"
#include "tests/support/recording_sink.h"

namespace gazette {
namespace {

using testing::memory_opener;
using testing::RecordingSink;

RecordingSink rss(const std::string& xml) {
    RecordingSink sink;
    read_rss(memory_opener(xml), FeedContext{"", "t.rss"}, sink);
    return sink;
}

TEST(IngestDates, NitfNormForms) {
    EXPECT_EQ(parse_nitf_date("20070105T134500-0500")->normalized, "2007-01-05T18:45:00Z");
    EXPECT_EQ(parse_nitf_date("20070105T1345Z")->normalized, "2007-01-05T13:45:00Z");
    EXPECT_EQ(parse_nitf_date("20070105T134500")->normalized, "2007-01-05T13:45:00Z");
    EXPECT_EQ(parse_nitf_date("20070105")->normalized, "2007-01-05");
    EXPECT_EQ(parse_nitf_date("2007-01-05T13:45:00+01:00")->normalized, "2007-01-05T12:45:00Z");
    EXPECT_FALSE(parse_nitf_date("20071305"));
    EXPECT_FALSE(parse_nitf_date(""));
}

TEST(IngestDates, TrecForms) {
    EXPECT_EQ(parse_trec_date("910514")->normalized, "1991-05-14");
    EXPECT_EQ(parse_trec_date("051231")->normalized, "2005-12-31");
    EXPECT_EQ(parse_trec_date("January 1, 1989, Sunday, Home Edition")->normalized, "1989-01-01");
    EXPECT_EQ(parse_trec_date(" 5 May 1994 ")->normalized, "1994-05-05");
    EXPECT_FALSE(parse_trec_date("911331"));
    EXPECT_FALSE(parse_trec_date("Nevermber"));
}

TEST(IngestDetection, XmlRootDecidesAmongTheXmlFormats) {
    std::string decl = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- saved -->\n";
    EXPECT_EQ(detect_format("a.xml", decl + "<rss version=\"2.0\">"), Format::kRss);
    EXPECT_EQ(detect_format("a.xml", decl + "<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
              Format::kAtom);
    EXPECT_EQ(detect_format("a.xml", decl + "<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\">"),
              Format::kAtom);
    EXPECT_EQ(detect_format("a.xml", decl + "<!DOCTYPE nitf SYSTEM \"nitf.dtd\" [\n"
                                            "<!ENTITY x \"y>\">]>\n<nitf>"),
              Format::kNitf);
    EXPECT_EQ(detect_format("a.xml", "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"),
              Format::kNewsml);
    EXPECT_EQ(detect_format("a.xml",
                            "<nar:newsItem xmlns:nar=\"http://iptc.org/std/nar/"
                            "2006-10-01/\" guid=\"x\">"),
              Format::kNewsml);
    // A feed element of another vocabulary, or a newsItem outside IPTC's namespace: no.
    EXPECT_FALSE(detect_format("a.xml", "<feed><x/></feed>"));
    EXPECT_FALSE(detect_format("a.xml", "<newsItem guid=\"x\">"));
    EXPECT_FALSE(detect_format("a.xml", "<inventory/>"));
    // Content tells files without an extension too, and TREC is not mistaken for Reuters.
    EXPECT_EQ(detect_format("FT911_1", "\n<DOC>\n<DOCNO>FT911-1</DOCNO>"), Format::kTrec);
    EXPECT_EQ(detect_format("feed", "<?xml version=\"1.0\"?><rss>"), Format::kRss);
    EXPECT_EQ(detect_format("story.nitf", "anything"), Format::kNitf);  // the name settles it
}

TEST(IngestXml, Windows1252AndLatin1DeclaredInTheProlog) {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><channel><item>"
        "<guid>1</guid><title>\x93Quoted\x94 \x80 5</title></item></channel></rss>";
    auto sink = rss(xml);
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].title, "\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x82\xAC 5");
    xml =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item>"
        "<guid>1</guid><title>caf\xE9</title></item></channel></rss>";
    sink = rss(xml);
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].title, "caf\xC3\xA9");
}

TEST(IngestXml, CdataEntitiesAndNamespacePrefixes) {
    std::string xml =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY wire \"Example &amp; Wire\">]>"
        "<rss xmlns:c=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
        "<title>&wire;</title><item><guid>g</guid><title>A &#x2014; B &lt;tag&gt;</title>"
        "<c:encoded><![CDATA[<p>One &amp; two</p><p>Three</p>]]></c:encoded></item>"
        "</channel></rss>";
    auto sink = rss(xml);
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].title, "A \xE2\x80\x94 B <tag>");
    EXPECT_EQ(sink.articles[0].body, "One & two\nThree");
    // A declared entity gives its replacement text once, as written.
    EXPECT_EQ(sink.articles[0].source, "Example &amp; Wire");
}

TEST(IngestXml, HtmlEntitiesAreWhatTheyMeanInHtml) {
    EXPECT_EQ(with_numeric_html_entities("a&nbsp;b &eacute; &amp; &lt; &wire; &x &#233; &"),
              "a&#160;b &#233; &amp; &lt; &wire; &x &#233; &");
    // In a feed, and across the stream's read boundaries (a long title puts entities there).
    std::string title;
    for (int i = 0; i < 20000; ++i)
        title += "caf&eacute;&nbsp;";
    auto sink = rss("<rss><channel><item><guid>1</guid><title>" + title +
                    "&mdash;</title></item></channel></rss>");
    ASSERT_EQ(sink.articles.size(), 1u);
    std::string expected;
    for (int i = 0; i < 20000; ++i)
        expected += "caf\xC3\xA9 ";
    EXPECT_EQ(sink.articles[0].title, expected + "\xE2\x80\x94");
    EXPECT_TRUE(sink.rejects.empty());
}

TEST(IngestXml, NestedEntitiesAreNeverExpanded) {
    // "Billion laughs": each entity refers to the previous ten times.
    std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"haha\">";
    std::string previous = "a";
    for (char e = 'b'; e <= 'j'; ++e) {
        xml += "<!ENTITY " + std::string(1, e) + " \"";
        for (int i = 0; i < 10; ++i)
            xml += "&" + previous + ";";
        xml += "\">";
        previous = std::string(1, e);
    }
    xml += "]><rss><channel><item><guid>g</guid><title>&j;</title></item></channel></rss>";
    auto sink = rss(xml);
    // Read without expanding the nest (it would be 4 GB): at most the one level written.
    for (const auto& a : sink.articles)
        EXPECT_LT(a.title.size(), 1000u);
    EXPECT_EQ(sink.articles.size() + sink.rejects.size(), 1u);
}

TEST(IngestXml, NoExternalEntityIsRead) {
    std::string xml =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM "
        "\"file:///etc/hostname\">]><rss><channel><item><guid>g</guid>"
        "<title>before &x; after</title></item></channel></rss>";
    auto sink = rss(xml);
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].title, "before after");
}

TEST(IngestXml, DamageInTheChannelKeepsTheItems) {
    std::string xml =
        "<rss><channel><title>A <b>broken</title>\n<item><guid>1</guid>"
        "<title>one</title></item>\n<item><guid>2</guid><title>two</title></item>"
        "\n</channel></rss>";
    auto sink = rss(xml);
    ASSERT_EQ(sink.articles.size(), 2u);
    EXPECT_EQ(sink.articles[1].id, "2");
    EXPECT_TRUE(sink.rejects.empty());
    EXPECT_FALSE(sink.warnings.empty());  // the damage outside the items is told
}

TEST(IngestXml, RecordsOfANamespacePrefixAreCutOutOfADamagedFile) {
    std::string xml =
        "<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\">\n"
        "<a:entry><a:id>1</a:id><a:title>one</a:title></a:entry>\n"
        "<a:entry><a:id>2</a:id><a:title>two <x></a:title></a:entry>\n"
        "<a:entry><a:id>3</a:id><a:title>three</a:title></a:entry>\n</a:feed>";
    RecordingSink sink;
    read_atom(memory_opener(xml), FeedContext{"", "t.atom"}, sink);
    ASSERT_EQ(sink.articles.size(), 2u);
    EXPECT_EQ(sink.articles[0].id, "1");
    EXPECT_EQ(sink.articles[1].id, "3");
    ASSERT_EQ(sink.rejects.size(), 1u);
    EXPECT_EQ(sink.rejects[0].where, "t.atom: entry 2 (line 3)");
}

TEST(IngestXml, LinesPast65535AreNamedRight) {
    std::string xml = "<rss><channel>\n";
    for (int i = 1; i <= 70000; ++i) {
        xml += "<item><guid>" + std::to_string(i) + "</guid><title>t" + (i == 69000 ? "<b>" : "") +
               "</title></item>\n";
    }
    xml += "</channel></rss>\n";
    auto sink = rss(xml);
    EXPECT_EQ(sink.articles.size(), 69999u);
    ASSERT_EQ(sink.rejects.size(), 1u);
    EXPECT_EQ(sink.rejects[0].where, "t.rss: item 69000 (line 69001)");
    EXPECT_EQ(sink.articles.back().id, "70000");
}

TEST(IngestXml, AnInputThatCannotBeOpenedTwiceSaysWhatWasNotRead) {
    std::string xml = "<rss><channel>\n";
    for (int i = 1; i <= 3000; ++i) {
        xml += "<item><guid>" + std::to_string(i) + "</guid><title>t" + (i == 2500 ? "<b>" : "") +
               "</title></item>\n";
    }
    xml += "</channel></rss>\n";
    bool opened = false;
    auto once = [&]() -> std::unique_ptr<ByteSource> {
        if (opened)
            return nullptr;  // standard input
        opened = true;
        return memory_opener(xml)();
    };
    RecordingSink sink;
    read_rss(once, FeedContext{"", "<stdin>"}, sink);
    // The stream stops where libxml2 met the damage, reading ahead, shortly before item 2500:
    // every item before that is indexed, and the one rejection says where the rest begins.
    std::size_t streamed = sink.articles.size();
    EXPECT_GT(streamed, 2000u);
    EXPECT_LT(streamed, 2500u);
    EXPECT_EQ(sink.articles.back().id, std::to_string(streamed));
    ASSERT_EQ(sink.rejects.size(), 1u);
    EXPECT_NE(sink.rejects[0].reason.find("records from number " + std::to_string(streamed + 1) +
                                          " on were not read"),
              std::string::npos)
        << sink.rejects[0].reason;
}

TEST(IngestXml, ANotWellFormedDocumentThatIsNoFeedRejectsNothingItCannotName) {
    RecordingSink sink;
    read_rss(memory_opener("<rss><channel>"), FeedContext{"", "t.rss"}, sink);
    EXPECT_TRUE(sink.articles.empty());
    EXPECT_TRUE(sink.rejects.empty());
    EXPECT_FALSE(sink.warnings.empty());
}

// A feed item's HTML is read with libxml2 by the page reader's rules: one paragraph per
// block, furniture, scripts, hidden elements and <h1> left out, inline markup joined.
TEST(IngestHtmlFragment, BlocksBecomeLinesAndFurnitureIsLeftOut) {
    EXPECT_EQ(html_fragment_text("<p>One <b>bold</b> <i>word</i></p><p>Two<br>Three</p>"
                                 "<ul><li>item a<li>item b</ul>"),
              "One bold word\nTwo\nThree\nitem a\nitem b");
    EXPECT_EQ(html_fragment_text("<h1>Headline</h1><script>var p = '<p>no</p>';</script>"
                                 "<style>p{}</style><p>Visible</p><!-- comment -->"
                                 "<p hidden>Hidden</p><p aria-hidden=\"TRUE\">gone</p>"
                                 "<div role=navigation>menu</div><nav>nav</nav>"
                                 "<figure><img src=x><figcaption>Caption</figcaption></figure>"
                                 "<form><input>f</form><h2>Sub</h2>"),
              "Visible\nSub");
    // Markup libxml2 recovers: unclosed and stray tags, upper case, bare attributes.
    EXPECT_EQ(html_fragment_text("<P CLASS=x>Unclosed <b>bold <i>italic</p> after</div> end"),
              "Unclosed bold italic\nafter end");
    EXPECT_EQ(html_fragment_text("Plain text without markup."), "Plain text without markup.");
    EXPECT_EQ(html_fragment_text(""), "");
}

TEST(IngestHtmlFragment, EntitiesSpacesAndEncodingDeclarations) {
    EXPECT_EQ(html_fragment_text("<p>Caf&eacute; &amp; bar&nbsp;open &rsquo;today&rsquo; "
                                 "&#x2019;x&#8217; AT&T a < b</p>"),
              "Caf\u00e9 & bar open \u2019today\u2019 \u2019x\u2019 AT&T a < b");
    EXPECT_EQ(html_fragment_text("<p>soft&shy;hyphen zero&#8203;width no&#160;break "
                                 "narrow&#8239;nb   many \n spaces</p>"),
              "softhyphen zerowidth no break narrow nb many spaces");
    // The text is UTF-8 already: a declaration inside it must not decode it again.
    EXPECT_EQ(html_fragment_text("<meta charset=\"iso-8859-1\"><p>\u00e9t\u00e9 \u20ac5</p>"),
              "\u00e9t\u00e9 \u20ac5");
}

TEST(IngestHtmlFragment, MarkupDeeperThanTheLimitIsIgnoredNotOverflowed) {
    std::string deep;
    for (int i = 0; i < 5000; ++i)
        deep += "<div>";
    deep += "too deep";
    EXPECT_EQ(html_fragment_text("<p>kept</p>" + deep), "kept");
}

TEST(IngestHtmlFragment, RuleListsAreWhatBothReadersUse) {
    for (const char* furniture : {"nav", "script", "style", "figure", "form", "svg", "aside"})
        EXPECT_TRUE(is_boilerplate_element(furniture)) << furniture;
    for (const char* block : {"p", "div", "li", "br", "td", "h1", "blockquote", "section"})
        EXPECT_TRUE(is_block_element(block)) << block;
    for (const char* inline_tag : {"b", "i", "a", "span", "em", "", "custom-tag"}) {
        EXPECT_FALSE(is_block_element(inline_tag)) << inline_tag;
        EXPECT_FALSE(is_boilerplate_element(inline_tag)) << inline_tag;
    }
}

TEST(IngestNewsml, VersionDefaultsToOneAndMediaItemsAreSkipped) {
    std::string ns = " xmlns=\"http://iptc.org/std/nar/2006-10-01/\"";
    std::string xml = "<newsMessage" + ns +
                      "><itemSet><newsItem guid=\"a\"><contentMeta><headline>H</headline>"
                      "</contentMeta></newsItem><newsItem guid=\"b\" version=\"7\"><itemMeta>"
                      "<itemClass qcode=\"ninat:video\"/></itemMeta></newsItem>"
                      "<conceptItem guid=\"c\"/></itemSet></newsMessage>";
    RecordingSink sink;
    read_newsml(memory_opener(xml), NewsmlContext{"", "t.xml"}, sink);
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].version, 1u);
    EXPECT_EQ(sink.skips.size(), 2u);
}

TEST(IngestTrec, EntitiesTagsAndCommentsOut) {
    std::string trec =
        "<DOC>\n<DOCNO> FR940104-0-00002 </DOCNO>\n<TEXT>\n<!-- PJG 0012 -->\n"
        "Rule&hyph;making &amp; <ITAG>notice</ITAG> &unknown;\n</TEXT>\n</DOC>\n";
    RecordingSink sink;
    read_trec(*memory_opener(trec)(), TrecContext{"", "fr"}, sink);
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].body, "Rule-making & notice &unknown;");
    EXPECT_EQ(sink.articles[0].source, "Federal Register");
    EXPECT_EQ(sink.articles[0].date_text, "1994-01-04");
}

TEST(IngestTrec, Latin1IsDecoded) {
    RecordingSink sink;
    read_trec(*memory_opener("<DOC><DOCNO>X1</DOCNO><TEXT>caf\xE9</TEXT></DOC>")(),
              TrecContext{"Src", "x"}, sink);
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].body, "caf\xC3\xA9");
    EXPECT_EQ(sink.articles[0].source, "Src");
}

}  // namespace
}  // namespace gazette
