// Each reader on good and broken input: what is accepted, and what is rejected where and why.
#include <gtest/gtest.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <set>

#include "common/text/ascii.h"
#include "indexer/readers/format_registry.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/input_files.h"
#include "indexer/readers/input_stream.h"
#include "indexer/readers/jsonl_reader.h"
#include "indexer/readers/reuters_sgml_reader.h"
#include "indexer/readers/text_reader.h"
#include "indexer/readers/warc_reader.h"
#include "tests/support/gzip.h"
#include "tests/support/recording_sink.h"
#include "tests/support/temp_dir.h"

namespace gazette {
namespace {

using testing::gzip;
using testing::RecordingSink;
using testing::TempDir;

std::string zstd(const std::string& data) {
    std::string out(ZSTD_compressBound(data.size()), '\0');
    out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
    return out;
}

std::string xz(const std::string& data) {
    std::string out(lzma_stream_buffer_bound(data.size()), '\0');
    std::size_t size = 0;
    lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, nullptr,
                            reinterpret_cast<const std::uint8_t*>(data.data()), data.size(),
                            reinterpret_cast<std::uint8_t*>(out.data()), &size, out.size());
    out.resize(size);
    return out;
}

const std::string kThreeLines = R"({"id":"1","title":"First","body":"one"})"
                                "\n"
                                "\n"
                                R"({"id":"2","title":"Second","date":"2025-01-02"})"
                                "\r\n"
                                R"({"id":"3","body":"third"})";  // no final newline

RecordingSink read_file(const std::filesystem::path& path) {
    RecordingSink sink;
    auto plan = plan_inputs({path.string()}, std::nullopt);
    EXPECT_EQ(plan.files.size(), 1u);
    for (const auto& f : plan.files)
        read_input(f, "", sink);
    return sink;
}

TEST(JsonlReader, ReadsGoodLinesAndSkipsBlankOnes) {
    TempDir dir;
    auto sink = read_file(dir.write("a.jsonl", kThreeLines));
    ASSERT_EQ(sink.articles.size(), 3u);
    EXPECT_TRUE(sink.rejects.empty());
    EXPECT_EQ(sink.articles[1].title, "Second");
    EXPECT_EQ(sink.accepted_at[2], (dir / "a.jsonl").string() + ":4");
}

TEST(JsonlReader, RejectsEachBadLineByNumberAndKeepsTheRest) {
    TempDir dir;
    auto path = dir.write("bad.jsonl", R"({"id":"ok1","title":"fine"})"
                                       "\n"
                                       "{not json\n"
                                       R"({"title":"no id"})"
                                       "\n"
                                       R"({"id":"ok2","title":"fine too"})"
                                       "\n"
                                       "{\"id\":\"u\",\"title\":\"\xC3\x28\"}\n"
                                       R"({"id":"d","title":"t","date":"2025-02-30"})"
                                       "\n");
    auto sink = read_file(path);
    ASSERT_EQ(sink.articles.size(), 2u);
    EXPECT_EQ(sink.articles[1].id, "ok2");
    ASSERT_EQ(sink.rejects.size(), 4u);
    EXPECT_EQ(sink.rejects[0].where, path.string() + ":2");
    EXPECT_EQ(sink.rejects[1].where, path.string() + ":3");
    EXPECT_EQ(sink.rejects[2].where, path.string() + ":5");
    EXPECT_NE(sink.rejects[2].reason.find("UTF-8"), std::string::npos);
    EXPECT_EQ(sink.rejects[3].where, path.string() + ":6");
}

TEST(CompressedInput, GzipAndZstdReadLikePlainFiles) {
    TempDir dir;
    for (const auto& path :
         {dir.write("a.jsonl.gz", gzip(kThreeLines)), dir.write("a.jsonl.zst", zstd(kThreeLines)),
          dir.write("a.jsonl.xz", xz(kThreeLines)),
          dir.write("two.jsonl.xz", xz(kThreeLines) + xz("\n"))}) {
        auto sink = read_file(path);
        EXPECT_EQ(sink.articles.size(), 3u) << path;
        EXPECT_TRUE(sink.rejects.empty()) << path;
    }
}

TEST(CompressedInput, ConcatenatedGzipMembersAreAllRead) {
    TempDir dir;
    auto sink = read_file(dir.write("two.jsonl.gz", gzip(R"({"id":"a","title":"A"})"
                                                         "\n") +
                                                        gzip(R"({"id":"b","title":"B"})"
                                                             "\n")));
    EXPECT_EQ(sink.articles.size(), 2u);
}

TEST(CompressedInput, TruncatedStreamsAreReportedNotHidden) {
    std::string many;
    for (int i = 0; i < 20000; ++i) {
        many += R"({"id":")" + std::to_string(i) + R"(","title":"headline number )" +
                std::to_string(i * 7919) + "\"}\n";
    }
    TempDir dir;
    std::string gz = gzip(many), zs = zstd(many), x = xz(many);
    for (const auto& path : {dir.write("cut.jsonl.gz", gz.substr(0, gz.size() / 2)),
                             dir.write("cut.jsonl.zst", zs.substr(0, zs.size() / 2)),
                             dir.write("cut.jsonl.xz", x.substr(0, x.size() / 2))}) {
        auto sink = read_file(path);
        EXPECT_GT(sink.articles.size(), 0u) << path;  // what came before the damage is kept
        EXPECT_LT(sink.articles.size(), 20000u) << path;
        ASSERT_EQ(sink.rejects.size(), 1u) << path;
        EXPECT_NE(sink.rejects[0].reason.find("truncated"), std::string::npos)
            << sink.rejects[0].reason;
    }
}

TEST(CompressedInput, AnXzStreamCutInItsFooterIsStillReported) {
    TempDir dir;
    std::string x = xz(kThreeLines + "\n");
    auto sink = read_file(dir.write("end.jsonl.xz", x.substr(0, x.size() - 4)));
    EXPECT_EQ(sink.articles.size(), 3u);  // every record arrived
    ASSERT_EQ(sink.rejects.size(), 1u);   // but the file is not whole, and that is said
    EXPECT_NE(sink.rejects[0].reason.find("truncated xz"), std::string::npos)
        << sink.rejects[0].reason;
}

TEST(CompressedInput, GarbageIsAnErrorNamingTheFile) {
    TempDir dir;
    for (const char* name : {"junk.jsonl.zst", "junk.jsonl.xz"}) {
        auto sink = read_file(dir.write(name, "this is not compressed at all"));
        EXPECT_TRUE(sink.articles.empty());
        ASSERT_EQ(sink.rejects.size(), 1u);
        EXPECT_NE(sink.rejects[0].where.find(name), std::string::npos);
    }
}

TEST(TextReader, HeadlineIsTheFirstNonEmptyLine) {
    RecordingSink sink;
    read_text_document("\n\n  Storm closes port  \n\nShips waited.\nMore text.\n",
                       {"news/storm.txt", "news", "Local Wire", "storm.txt"}, sink);
    ASSERT_EQ(sink.articles.size(), 1u);
    const Article& a = sink.articles[0];
    EXPECT_EQ(a.title, "Storm closes port");
    EXPECT_EQ(a.body, "Ships waited.\nMore text.");
    EXPECT_EQ(a.id, "news/storm.txt");
    EXPECT_EQ(a.section, "news");
    EXPECT_EQ(a.source, "Local Wire");
}

TEST(TextReader, MarkdownHeadingMarksAreDropped) {
    RecordingSink sink;
    read_text_document("# Library reopens\n\nBody.", {"x.md", "", "", "x.md"}, sink);
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].title, "Library reopens");
}

TEST(TextReader, Latin1IsDecodedWithAWarning) {
    RecordingSink sink;
    read_text_document(
        "Price rises\n\nIt costs \xA3"
        "5 now.",
        {"p.txt", "", "", "p.txt"}, sink);
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].body, "It costs £5 now.");
    EXPECT_EQ(sink.warnings.size(), 1u);
}

TEST(TextReader, AnEmptyFileIsRejected) {
    RecordingSink sink;
    read_text_document(" \n\n", {"e.txt", "", "", "e.txt"}, sink);
    EXPECT_TRUE(sink.articles.empty());
    EXPECT_EQ(sink.rejects.size(), 1u);
}

const char* kReutersSample =
    "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
    "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" CGISPLIT=\"TRAINING-SET\" OLDID=\"5544\" "
    "NEWID=\"1\">\n"
    "<DATE>26-FEB-1987 15:01:01.79</DATE>\n"
    "<TOPICS><D>cocoa</D><D>grain</D></TOPICS>\n"
    "<PLACES><D>el-salvador</D><D>usa</D></PLACES>\n"
    "<PEOPLE></PEOPLE>\n<ORGS><D>ico-cocoa</D></ORGS>\n"
    "<TEXT>&#2;\n<TITLE>BAHIA COCOA &lt;REVIEW&gt;</TITLE>\n"
    "<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued in the Caf\xE9 zone &amp; "
    "more.\n"
    " Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" NEWID=\"2\">\n<DATE> 3-MAR-1987  09:15:05.40</DATE>\n"
    "<TEXT TYPE=\"UNPROC\">&#2;\nunprocessed wire text here\n&#3;</TEXT>\n</REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" OLDID=\"9\">\n<DATE>3-MAR-1987</DATE><TEXT><TITLE>NO "
    "NEWID</TITLE></TEXT></REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" NEWID=\"4\">\n<DATE>31-MAR-1987 605:12:19.12</DATE><TEXT><TITLE>ODD "
    "TIME</TITLE></TEXT></REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" NEWID=\"5\">\n<DATE>30-FEB-1987</DATE><TEXT><TITLE>BAD "
    "DATE</TITLE></TEXT></REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" NEWID=\"6\">\n<DATE>3-MAR-1987</DATE><TEXT><TITLE>CUT OFF";

TEST(ReutersReader, MapsTheFieldsAndDecodesEntitiesAndLatin1) {
    RecordingSink sink;
    read_reuters_sgml(kReutersSample, "reut2-x.sgm", sink);
    ASSERT_EQ(sink.articles.size(), 3u);
    const Article& a = sink.articles[0];
    EXPECT_EQ(a.id, "reuters:1");
    EXPECT_EQ(a.title, "BAHIA COCOA <REVIEW>");
    EXPECT_EQ(a.date_text, "1987-02-26T15:01:01Z");
    EXPECT_EQ(a.source, "Reuters");
    EXPECT_EQ(a.body, "SALVADOR, Feb 26 - Showers continued in the Café zone & more.\n Reuter");
    EXPECT_EQ(a.tags, (std::vector<std::string>{"cocoa", "grain"}));
    EXPECT_EQ(a.places, (std::vector<std::string>{"el-salvador", "usa"}));
    EXPECT_TRUE(a.people.empty());
    EXPECT_EQ(a.organizations, (std::vector<std::string>{"ico-cocoa"}));

    const Article& unproc = sink.articles[1];
    EXPECT_EQ(unproc.id, "reuters:2");
    EXPECT_EQ(unproc.body, "unprocessed wire text here");
    EXPECT_EQ(unproc.date_text, "1987-03-03T09:15:05Z");

    EXPECT_EQ(sink.articles[2].id, "reuters:4");
    EXPECT_EQ(sink.articles[2].date_text, "1987-03-31");
    ASSERT_EQ(sink.warnings.size(), 1u);
}

TEST(ReutersReader, RejectsBrokenRecordsByLineAndNewid) {
    RecordingSink sink;
    read_reuters_sgml(kReutersSample, "reut2-x.sgm", sink);
    ASSERT_EQ(sink.rejects.size(), 3u);
    EXPECT_NE(sink.rejects[0].reason.find("without NEWID"), std::string::npos);
    EXPECT_EQ(sink.rejects[1].where, "reut2-x.sgm:24 (NEWID 5)");
    EXPECT_NE(sink.rejects[1].reason.find("not a date"), std::string::npos);
    EXPECT_NE(sink.rejects[2].reason.find("unterminated"), std::string::npos);
}

TEST(SgmlEntities, DecodesNamedAndNumericReferences) {
    EXPECT_EQ(decode_sgml_entities("a &lt;b&gt; &amp; &#233; &#x263A; &#3;x &bogus; & ;"),
              "a <b> & é ☺ \x03x &bogus; & ;");
}

TEST(InputPlan, WalksDirectoriesInOrderAndNamesWhatItCannotRead) {
    TempDir dir;
    dir.write("b/2.txt", "B\n\nb");
    dir.write("a/1.md", "A\n\na");
    dir.write("a/x.jsonl", R"({"id":"j","title":"J"})");
    dir.write("a/notes.pdf", "%PDF");
    auto plan = plan_inputs({dir.path().string(), (dir / "missing.jsonl").string()}, std::nullopt);
    ASSERT_EQ(plan.files.size(), 3u);
    EXPECT_EQ(plan.files[0].relative, "a/1.md");
    EXPECT_EQ(plan.files[1].relative, "a/x.jsonl");
    EXPECT_EQ(plan.files[2].relative, "b/2.txt");
    EXPECT_EQ(plan.files[2].format, Format::kText);
    ASSERT_EQ(plan.unknown_format.size(), 1u);
    ASSERT_EQ(plan.missing.size(), 1u);
    EXPECT_EQ(compression_of("a.jsonl.xz"), Compression::kXz);
    EXPECT_EQ(compression_of("A.JSONL.GZ"), Compression::kGzip);
}

// --- The format registry ---------------------------------------------------------------------

TEST(FormatRegistry, EveryFormatHasOneRowWithDistinctNamesAndExtensions) {
    const auto& table = format_table();
    std::set<Format> formats;
    std::set<std::string_view> names, extensions;
    std::size_t fallbacks = 0;
    for (const FormatEntry& entry : table) {
        EXPECT_TRUE(formats.insert(entry.format).second);
        EXPECT_EQ(&format_entry(entry.format), &entry);
        EXPECT_FALSE(entry.label.empty());
        ASSERT_FALSE(entry.names.empty());
        EXPECT_NE(entry.read, nullptr);
        for (auto name : entry.names) {
            EXPECT_TRUE(names.insert(name).second) << name;
            EXPECT_EQ(parse_format_name(name), entry.format) << name;
        }
        for (auto ext : entry.extensions) {
            // Lowercase with the dot, as detect_format compares them; two formats may share an
            // extension only when their detectors tell them apart.
            EXPECT_TRUE(ext.starts_with('.')) << ext;
            EXPECT_EQ(ascii_lower(ext), ext);
            EXPECT_TRUE(extensions.insert(ext).second || entry.detect) << ext;
        }
        fallbacks += entry.detect ? 0 : 1;
    }
    EXPECT_EQ(formats.size(), 10u);  // every Format value
    EXPECT_EQ(fallbacks, 1u);        // text
    EXPECT_EQ(format_names(), "jsonl, text, sgml, html, warc, nitf, newsml, rss, atom or trec");
    EXPECT_FALSE(parse_format_name("pdf"));
    EXPECT_FALSE(parse_format_name("JSONL"));  // names are as --help lists them
}

// The first bytes of a file of each format, and which format's detector must claim them.
struct Sample {
    const char* what;
    std::string head;
    std::optional<Format> format;  // nullopt: no detector (text, or nothing we read)
};

const std::vector<Sample>& samples() {
    static const std::vector<Sample> kSamples = {
        {"JSON Lines",
         R"({"id":"1","title":"A"})"
         "\n",
         Format::kJsonl},
        {"JSON Lines after a BOM and blank lines", "\xEF\xBB\xBF\n \r\n{ \"id\": \"2\"}",
         Format::kJsonl},
        {"Reuters SGML", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\">",
         Format::kReutersSgml},
        {"a Reuters record alone", "\n<REUTERS TOPICS=\"NO\" NEWID=\"7\">", Format::kReutersSgml},
        {"HTML5", "<!DOCTYPE html>\n<html lang=\"fr\">", Format::kHtml},
        {"XHTML with a comment first",
         "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- saved -->\n<HTML xmlns=\"x\">", Format::kHtml},
        {"WARC", "WARC/1.0\r\nWARC-Type: warcinfo\r\n", Format::kWarc},
        {"WARC 1.1 after a blank line", "\r\nWARC/1.1\r\n", Format::kWarc},
        {"NITF", "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf SYSTEM \"nitf.dtd\">\n<nitf>",
         Format::kNitf},
        {"NewsML-G2", "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"a\">",
         Format::kNewsml},
        {"RSS", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\">",
         Format::kRss},
        {"Atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", Format::kAtom},
        {"TREC", "<DOC>\n<DOCNO> FT911-1 </DOCNO>", Format::kTrec},
        {"XML of another vocabulary", "<?xml version=\"1.0\"?><inventory/>", std::nullopt},
        {"plain text", "Cocoa prices rise\n\nAbidjan, March 3 - ...", std::nullopt},
        {"text in braces", "{Editor's note} The story below ...", std::nullopt},
        {"text about markup", "<b> is the bold tag; <html> starts a page", std::nullopt},
        {"an HTML fragment", "<p>Not a page</p>", std::nullopt},
        {"JSON, not an object", "[1, 2, 3]", std::nullopt},
        {"a word starting like WARC", "WARC/x is not a version", std::nullopt},
        {"PDF", "%PDF-1.4\n", std::nullopt},
        {"nothing", "", std::nullopt},
    };
    return kSamples;
}

TEST(FormatRegistry, EachDetectorClaimsItsOwnFormatOnly) {
    for (const Sample& sample : samples()) {
        for (const FormatEntry& entry : format_table()) {
            if (!entry.detect)
                continue;
            EXPECT_EQ(entry.detect(sample.head), sample.format == entry.format)
                << entry.label << " on " << sample.what;
        }
    }
}

TEST(FormatRegistry, AnExtensionOfOneFormatSettlesItWithoutTheContent) {
    EXPECT_EQ(detect_format("x/reut2-000.sgm.gz"), Format::kReutersSgml);
    EXPECT_EQ(detect_format("FEED.JSONL.ZST"), Format::kJsonl);
    EXPECT_EQ(detect_format("feed.ndjson"), Format::kJsonl);
    EXPECT_EQ(detect_format("pages/story.HTM"), Format::kHtml);
    EXPECT_EQ(detect_format("pages/story.html.xz"), Format::kHtml);
    EXPECT_EQ(detect_format("crawl.warc.gz"), Format::kWarc);
    EXPECT_EQ(detect_format("crawl.warc"), Format::kWarc);
    // Even when the content says otherwise: the name is the user's word.
    EXPECT_EQ(detect_format("page.html", R"({"id":"1"})"), Format::kHtml);
}

TEST(FormatRegistry, ContentDecidesWhereTheNameSaysTextOrNothing) {
    for (const char* name : {"notes.txt", "NOTES.MD", "story.text.gz"}) {
        EXPECT_EQ(detect_format(name, R"({"id":"1","title":"A"})"), Format::kJsonl) << name;
        EXPECT_EQ(detect_format(name, "<!DOCTYPE html><html>"), Format::kHtml) << name;
        EXPECT_EQ(detect_format(name, "Headline\n\nBody"), Format::kText) << name;
        EXPECT_EQ(detect_format(name, ""), Format::kText) << name;  // text stays the fallback
    }
    for (const char* name : {"feed", "feed.gz", "dump.dat", "reut2-000"}) {
        EXPECT_EQ(detect_format(name, "WARC/1.0\r\n"), Format::kWarc) << name;
        EXPECT_EQ(detect_format(name, "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">"),
                  Format::kReutersSgml)
            << name;
        // No extension of ours and no content we know: not read (plan_inputs says so).
        EXPECT_FALSE(detect_format(name, "Headline\n\nBody")) << name;
    }
    EXPECT_FALSE(detect_format("notes.pdf", "%PDF-1.4"));
}

TEST(FormatRegistry, FilesOnDiskAreSniffedThroughTheirCompression) {
    TempDir dir;
    const std::string jsonl = R"({"id":"j1","title":"From a .txt"})"
                              "\n";
    const std::string warc = "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n";
    EXPECT_EQ(detect_format(dir.write("really-jsonl.txt", jsonl)), Format::kJsonl);
    EXPECT_EQ(detect_format(dir.write("feed.gz", gzip(jsonl))), Format::kJsonl);
    EXPECT_EQ(detect_format(dir.write("crawl.zst", zstd(warc))), Format::kWarc);
    EXPECT_EQ(detect_format(dir.write("page.txt.xz", xz("<!doctype html>\n<html>"))),
              Format::kHtml);
    EXPECT_EQ(detect_format(dir.write("story.txt", "Headline\n\nBody")), Format::kText);
    // A stream cut in its gzip header reads as empty: a .txt stays text (its reader reports
    // the damage), and a name without an extension is not read.
    EXPECT_EQ(detect_format(dir.write("cut.txt.gz", gzip(jsonl).substr(0, 10))), Format::kText);
    EXPECT_FALSE(detect_format(dir.write("cut.gz", gzip(jsonl).substr(0, 10))));
    EXPECT_EQ(detect_format(dir / "missing.txt"), Format::kText);
}

TEST(FormatRegistry, PlannedFilesAreReadByTheReaderTheirContentNames) {
    TempDir dir;
    dir.write("in/export.txt", R"({"id":"x1","title":"One"})"
                               "\n"
                               R"({"id":"x2","title":"Two"})"
                               "\n");
    dir.write("in/feed.gz", gzip(R"({"id":"x3","title":"Three"})"
                                 "\n"));
    dir.write("in/README", "About this folder\n");
    auto plan = plan_inputs({(dir / "in").string()}, std::nullopt);
    ASSERT_EQ(plan.files.size(), 2u);
    EXPECT_EQ(plan.files[0].format, Format::kJsonl);
    EXPECT_EQ(plan.files[1].format, Format::kJsonl);
    ASSERT_EQ(plan.unknown_format.size(), 1u);  // README: plain text without an extension
    RecordingSink sink;
    for (const auto& f : plan.files)
        read_input(f, "", sink);
    ASSERT_EQ(sink.articles.size(), 3u);
    EXPECT_EQ(sink.articles[2].id, "x3");
    // --format still overrides what the content says.
    auto forced = plan_inputs({(dir / "in/export.txt").string()}, Format::kText);
    ASSERT_EQ(forced.files.size(), 1u);
    EXPECT_EQ(forced.files[0].format, Format::kText);
}

}  // namespace
}  // namespace gazette
