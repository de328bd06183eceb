// The WARC reader on crawls the tests write themselves: which records become articles,
// which are skipped (and counted), and how a damaged gzip member costs only its record.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>

#include "indexer/readers/input_files.h"
#include "indexer/readers/warc_reader.h"
#include "tests/support/gzip.h"
#include "tests/support/recording_sink.h"
#include "tests/support/temp_dir.h"

namespace gazette {
namespace {

using testing::gzip;
using testing::RecordingSink;
using testing::TempDir;

// One WARC record: version line, headers, the block, and the "\r\n\r\n" that ends it.
std::string record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& content_type = "application/http; msgtype=response",
                   const std::string& date = "2024-05-06T07:08:09Z") {
    std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
    if (!uri.empty())
        r += "WARC-Target-URI: " + uri + "\r\n";
    r += "WARC-Date: " + date + "\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(block.size()) +
         ">\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
    return r;
}

std::string http(const std::string& content_type, const std::string& body, int status = 200,
                 const std::string& extra_headers = "") {
    return "HTTP/1.1 " + std::to_string(status) + " OK\r\nContent-Type: " + content_type + "\r\n" +
           extra_headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string page(const std::string& title, const std::string& date_meta = "") {
    std::string meta = date_meta.empty() ? ""
                                         : "<meta property=\"article:published_time\" content=\"" +
                                               date_meta + "\">";
    return "<html><head><title>" + title + "</title>" + meta +
           "</head><body><nav>NAV-MARKER</nav>" + "<p>Text of " + title +
           " with enough words to be a body.</p></body></html>";
}

std::string chunked(const std::string& body) {
    std::string out;
    for (std::size_t i = 0; i < body.size(); i += 10) {
        std::string part = body.substr(i, 10);
        char size[16];
        std::snprintf(size, sizeof size, "%zx", part.size());
        out += std::string(size) + "\r\n" + part + "\r\n";
    }
    return out + "0\r\n\r\n";
}

// A small crawl: one of each kind of record a crawler writes.
std::vector<std::string> crawl_records() {
    return {
        record("warcinfo", "", "software: test\r\n", "application/warc-fields"),
        record("request", "https://a.example/one", "GET /one HTTP/1.1\r\nHost: a.example\r\n\r\n",
               "application/http; msgtype=request"),
        record("response", "https://a.example/one",
               http("text/html; charset=utf-8", page("Page one", "2023-01-02T03:04:05Z"))),
        record("metadata", "https://a.example/one", "outlinks: x\r\n", "application/warc-fields"),
        record("response", "https://a.example/logo.png", http("image/png", "\x89PNG....")),
        record("response", "https://a.example/gone", http("text/html", page("Gone"), 404)),
        // No date on the page: WARC-Date stands in. Chunked and gzipped, as servers send.
        record("response", "https://a.example/two",
               http("text/html", chunked(gzip(page("Page two"), Z_BEST_COMPRESSION)), 200,
                    "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n")),
        record("response", "https://a.example/three", http("text/html", page("Page three"))),
    };
}

RecordingSink read_path(const std::filesystem::path& path) {
    RecordingSink sink;
    auto plan = plan_inputs({path.string()}, std::nullopt);
    EXPECT_EQ(plan.files.size(), 1u);
    for (const auto& f : plan.files)
        read_input(f, "Crawl", sink);
    return sink;
}

std::vector<std::string> ids(const RecordingSink& sink) {
    std::vector<std::string> out;
    for (const auto& a : sink.articles)
        out.push_back(a.id);
    return out;
}

void expect_the_crawl(const RecordingSink& sink) {
    EXPECT_EQ(ids(sink), (std::vector<std::string>{"https://a.example/one", "https://a.example/two",
                                                   "https://a.example/three"}));
    EXPECT_TRUE(sink.rejects.empty()) << sink.rejects[0].where << ": " << sink.rejects[0].reason;
    ASSERT_EQ(sink.skips.size(), 5u);  // warcinfo, request, metadata, the PNG, the 404
    EXPECT_NE(sink.skips[0].reason.find("warcinfo"), std::string::npos);
    EXPECT_NE(sink.skips[3].reason.find("image/png"), std::string::npos);
    EXPECT_NE(sink.skips[4].reason.find("404"), std::string::npos);
    ASSERT_EQ(sink.articles.size(), 3u);
    const Article& one = sink.articles[0];
    EXPECT_EQ(one.title, "Page one");
    EXPECT_EQ(one.url, "https://a.example/one");
    EXPECT_EQ(one.date_text, "2023-01-02T03:04:05Z");  // the page's own date
    EXPECT_EQ(one.source, "Crawl");
    EXPECT_EQ(one.body, "Text of Page one with enough words to be a body.");
    EXPECT_EQ(sink.articles[1].title, "Page two");                  // decoded from chunks and gzip
    EXPECT_EQ(sink.articles[1].date_text, "2024-05-06T07:08:09Z");  // from WARC-Date
}

TEST(WarcReader, PlainWarcResponsesBecomeArticlesAndTheRestIsSkipped) {
    TempDir dir;
    std::string warc;
    for (const auto& r : crawl_records())
        warc += r;
    auto sink = read_path(dir.write("crawl.warc", warc));
    expect_the_crawl(sink);
    // Records are named by file, byte offset and URI.
    EXPECT_EQ(sink.accepted_at[0],
              (dir / "crawl.warc").string() + "@" +
                  std::to_string(crawl_records()[0].size() + crawl_records()[1].size()) +
                  " (https://a.example/one)");
}

TEST(WarcReader, GzipPerRecordAndWholeFileGzipReadTheSame) {
    TempDir dir;
    std::string per_record, whole;
    for (const auto& r : crawl_records()) {
        per_record += gzip(r, Z_BEST_COMPRESSION);
        whole += r;
    }
    expect_the_crawl(read_path(dir.write("crawl.warc.gz", per_record)));
    expect_the_crawl(read_path(dir.write("whole.warc.gz", gzip(whole, Z_BEST_COMPRESSION))));
}

struct Members {
    std::vector<std::string> members;
    std::string joined() const {
        std::string out;
        for (const auto& m : members)
            out += m;
        return out;
    }
    std::size_t offset_of(std::size_t i) const {
        std::size_t off = 0;
        for (std::size_t k = 0; k < i; ++k)
            off += members[k].size();
        return off;
    }
};

Members gzip_members() {
    Members m;
    for (const auto& r : crawl_records())
        m.members.push_back(gzip(r, Z_BEST_COMPRESSION));
    return m;
}

TEST(WarcReader, ADamagedGzipMemberCostsOnlyItsRecord) {
    Members m = gzip_members();
    std::string& two = m.members[6];  // the record of https://a.example/two
    for (std::size_t i = 20; i < two.size() - 20; i += 7)
        two[i] = static_cast<char>(two[i] ^ 0x5A);
    TempDir dir;
    auto path = dir.write("damaged.warc.gz", m.joined());
    auto sink = read_path(path);
    EXPECT_EQ(ids(sink),
              (std::vector<std::string>{"https://a.example/one", "https://a.example/three"}));
    ASSERT_EQ(sink.rejects.size(), 1u);
    EXPECT_EQ(sink.rejects[0].where, path.string() + "@" + std::to_string(m.offset_of(6)));
    EXPECT_NE(sink.rejects[0].reason.find("damaged gzip member"), std::string::npos);
    EXPECT_EQ(sink.skips.size(), 5u);
}

TEST(WarcReader, ACrcMismatchRejectsTheRecordEvenThoughItDecoded) {
    Members m = gzip_members();
    std::string& one = m.members[2];
    one[one.size() - 6] = static_cast<char>(one[one.size() - 6] ^ 1);  // inside the CRC32
    TempDir dir;
    auto sink = read_path(dir.write("crc.warc.gz", m.joined()));
    EXPECT_EQ(ids(sink),
              (std::vector<std::string>{"https://a.example/two", "https://a.example/three"}));
    ASSERT_EQ(sink.rejects.size(), 1u);
    EXPECT_NE(sink.rejects[0].reason.find("incorrect data check"), std::string::npos)
        << sink.rejects[0].reason;
}

TEST(WarcReader, GarbageBetweenMembersAndATruncatedLastMember) {
    Members m = gzip_members();
    m.members.insert(m.members.begin() + 4, "JUNK BETWEEN MEMBERS");
    std::string last = m.members.back();
    m.members.back() = last.substr(0, last.size() / 2);
    TempDir dir;
    auto sink = read_path(dir.write("junk.warc.gz", m.joined()));
    EXPECT_EQ(ids(sink),
              (std::vector<std::string>{"https://a.example/one", "https://a.example/two"}));
    ASSERT_EQ(sink.rejects.size(), 2u);
    EXPECT_NE(sink.rejects[0].reason.find("between gzip members"), std::string::npos);
    EXPECT_NE(sink.rejects[1].reason.find("ends inside"), std::string::npos);
}

TEST(WarcReader, ATruncatedPlainRecordIsRejectedAndTheOthersKept) {
    std::string warc;
    for (const auto& r : crawl_records())
        warc += r;
    TempDir dir;
    auto sink = read_path(dir.write("cut.warc", warc.substr(0, warc.size() - 40)));
    EXPECT_EQ(ids(sink),
              (std::vector<std::string>{"https://a.example/one", "https://a.example/two"}));
    ASSERT_EQ(sink.rejects.size(), 1u);
    EXPECT_NE(sink.rejects[0].reason.find("cut short"), std::string::npos);
    EXPECT_NE(sink.rejects[0].where.find("(https://a.example/three)"), std::string::npos);
}

TEST(WarcReader, ARecordWithoutContentLengthIsRejectedAndReadingGoesOn) {
    std::string bad =
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x/\r\n\r\n"
        "HTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n";
    std::string warc = crawl_records()[2] + bad + crawl_records()[7];
    TempDir dir;
    auto sink = read_path(dir.write("nolength.warc", warc));
    EXPECT_EQ(ids(sink),
              (std::vector<std::string>{"https://a.example/one", "https://a.example/three"}));
    ASSERT_EQ(sink.rejects.size(), 1u);
    EXPECT_NE(sink.rejects[0].reason.find("Content-Length"), std::string::npos);
}

TEST(WarcReader, ABigNonHtmlRecordIsStreamedPast) {
    std::string video(3 << 20, 'v');  // larger than any read buffer
    std::string warc = record("response", "https://a.example/v.mp4", http("video/mp4", video)) +
                       crawl_records()[2];
    TempDir dir;
    auto sink = read_path(dir.write("video.warc.gz", gzip(warc, Z_BEST_COMPRESSION)));
    EXPECT_EQ(ids(sink), (std::vector<std::string>{"https://a.example/one"}));
    EXPECT_EQ(sink.skips.size(), 1u);
}

}  // namespace
}  // namespace gazette
