// The HTTP service's pure parts: query string → request and its limits, the metrics text,
// the access log line, --listen, typed words for suggestions, and the embedded page's table.
#include <gtest/gtest.h>

#include <string>

#include "common/errors.h"
#include "searcher/server/access_log.h"
#include "searcher/server/api_error.h"
#include "searcher/server/api_request.h"
#include "searcher/server/listen_address.h"
#include "searcher/server/metrics.h"
#include "searcher/server/static_assets.h"
#include "searcher/server/suggest.h"

namespace gazette::server {
namespace {

// A line of the Prometheus text format as /metrics writes it: `# HELP …`, `# TYPE …`, or
// `name value` / `name{label="value"} value` with a lower-case name and a numeric value.
// (Checked by hand: GCC 12's std::regex trips -Wmaybe-uninitialized under ASan, GCC bug 105562.)
bool is_exposition_line(const std::string& line) {
    if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0)
        return true;
    std::size_t i = 0;
    auto lower = [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; };
    while (i < line.size() && lower(line[i]))
        ++i;
    if (i == 0)
        return false;
    if (i < line.size() && line[i] == '{') {
        std::size_t label = ++i;
        while (i < line.size() && line[i] >= 'a' && line[i] <= 'z')
            ++i;
        if (i == label || line.compare(i, 2, "=\"") != 0)
            return false;
        std::size_t close = line.find('"', i + 2);
        if (close == std::string::npos || line.compare(close, 2, "\"}") != 0)
            return false;
        i = close + 2;
    }
    if (i >= line.size() || line[i] != ' ' || i + 1 == line.size())
        return false;
    return line.find_first_not_of("0123456789.e+-", i + 1) == std::string::npos;
}

int status_of(const Params& params, const Limits& limits = {}) {
    try {
        search_request_from_params(params, limits, 1e9);
    } catch (const ApiError& e) {
        return e.status();
    }
    return 200;
}

TEST(ApiRequest, ParametersGoThroughTheSharedParser) {
    Params params{{"q", "cocoa"},          {"limit", "25"},     {"offset", "50"},
                  {"sort", "newest"},      {"from", "1987-03"}, {"to", "1987-04"},
                  {"source", "reuters"},   {"source", "BBC"},   {"facets", "source,year"},
                  {"exact_total", "true"}, {"snippets", "0"}};
    SearchRequest r = search_request_from_params(params, Limits{}, 1e9);
    EXPECT_EQ(r.query, "cocoa");
    EXPECT_EQ(r.limit, 25u);
    EXPECT_EQ(r.offset, 50u);
    EXPECT_EQ(r.sort, SortOrder::kNewest);
    ASSERT_TRUE(r.filters.from && r.filters.to);
    EXPECT_LT(*r.filters.from, *r.filters.to);
    EXPECT_EQ(r.filters.values.at("source"), (std::vector<std::string>{"reuters", "BBC"}));
    EXPECT_EQ(r.facets, (std::vector<std::string>{"source", "year"}));
    EXPECT_TRUE(r.exact_total);
    EXPECT_FALSE(r.snippets);
    EXPECT_EQ(r.recency.now, 1e9);  // the server's clock unless `now` is given
}

TEST(ApiRequest, NowParameterWins) {
    SearchRequest r =
        search_request_from_params({{"q", "x"}, {"now", "2025-02-12"}}, Limits{}, 1e9);
    EXPECT_NE(r.recency.now, 1e9);
}

TEST(ApiRequest, BadParametersAre400) {
    EXPECT_EQ(status_of({{"q", "oil"}, {"limit", "1001"}}), 400);
    EXPECT_EQ(status_of({{"q", "oil"}, {"offset", "100001"}}), 400);
    EXPECT_EQ(status_of({{"q", "oil"}, {"limit", "ten"}}), 400);
    EXPECT_EQ(status_of({{"q", "oil"}, {"sort", "loudest"}}), 400);
    EXPECT_EQ(status_of({{"q", "oil"}, {"from", "1988"}, {"to", "1987"}}), 400);
    EXPECT_EQ(status_of({{"q", "oil"}, {"colour", "red"}}), 400);
    EXPECT_EQ(status_of({{"q", "oil"}, {"source", " "}}), 400);
    EXPECT_EQ(status_of({}), 400);                       // neither words nor filters
    EXPECT_EQ(status_of({{"q", "  "}}), 400);            // blank is no query
    EXPECT_EQ(status_of({{"source", "bbc"}}), 200);      // browsing
    EXPECT_EQ(status_of({{"like", "reuters:5"}}), 200);  // related articles need no words
    EXPECT_EQ(status_of({{"like", "reuters:5"}, {"q", "oil"}}), 400);  // not both
    EXPECT_EQ(status_of({{"q", "oil"}, {"limit", "1000"}, {"offset", "100000"}}), 200);
}

TEST(ApiRequest, QueryLengthLimitIs413) {
    Limits limits;
    limits.max_query_bytes = 10;
    EXPECT_EQ(status_of({{"q", std::string(10, 'a')}}, limits), 200);
    EXPECT_EQ(status_of({{"q", std::string(11, 'a')}}, limits), 413);
    EXPECT_EQ(status_of({{"query", std::string(11, 'a')}}, limits), 413);
    EXPECT_THROW(query_param({{"q", std::string(11, 'a')}}, limits), ApiError);
    EXPECT_EQ(query_param({{"q", "abc"}}, limits), "abc");
    EXPECT_THROW(query_param({}, limits), ApiError);
}

TEST(ApiError, BodyIsAJsonObject) {
    EXPECT_EQ(error_body("bad \"x\""), R"({"error":"bad \"x\""})");
    EXPECT_EQ(error_body(std::string("bad \xff byte")), "{\"error\":\"bad \xef\xbf\xbd byte\"}");
}

TEST(Metrics, PrometheusTextFormat) {
    Metrics m;
    m.record_request(200, 0.0004);
    m.record_request(200, 0.003);
    m.record_request(404, 0.2);
    m.record_request(503, 30);  // beyond the last bucket: only in +Inf
    m.record_reopen(1700000000);
    m.record_reopen(1600000000);  // an older revision never moves the gauge back
    std::string text = m.render(21622);
    EXPECT_NE(text.find("# TYPE gazette_http_requests_total counter\n"), std::string::npos);
    EXPECT_NE(text.find("gazette_http_requests_total{code=\"200\"} 2\n"), std::string::npos);
    EXPECT_NE(text.find("gazette_http_requests_total{code=\"404\"} 1\n"), std::string::npos);
    EXPECT_NE(text.find("# TYPE gazette_http_request_duration_seconds histogram\n"),
              std::string::npos);
    EXPECT_NE(text.find("gazette_http_request_duration_seconds_bucket{le=\"0.0005\"} 1\n"),
              std::string::npos);
    EXPECT_NE(text.find("gazette_http_request_duration_seconds_bucket{le=\"0.005\"} 2\n"),
              std::string::npos);
    EXPECT_NE(text.find("gazette_http_request_duration_seconds_bucket{le=\"0.25\"} 3\n"),
              std::string::npos);
    EXPECT_NE(text.find("gazette_http_request_duration_seconds_bucket{le=\"5\"} 3\n"),
              std::string::npos);
    EXPECT_NE(text.find("gazette_http_request_duration_seconds_bucket{le=\"+Inf\"} 4\n"),
              std::string::npos);
    EXPECT_NE(text.find("gazette_http_request_duration_seconds_count 4\n"), std::string::npos);
    EXPECT_NE(text.find("gazette_index_documents 21622\n"), std::string::npos);
    EXPECT_NE(text.find("gazette_index_last_reopen_timestamp_seconds 1700000000\n"),
              std::string::npos);
    // The line check itself rejects what is not the format.
    for (const char* bad : {"Name 1", "name", "name abc", "name{le=\"x\" 1", "{le=\"1\"} 2", "# x"})
        EXPECT_FALSE(is_exposition_line(bad)) << bad;
    // Every line is a comment or `name{labels} value`, and the text ends with a newline.
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        ASSERT_NE(end, std::string::npos);
        std::string l = text.substr(start, end - start);
        EXPECT_TRUE(is_exposition_line(l)) << l;
        start = end + 1;
    }
}

TEST(AccessLog, OneLineWithoutQueryStringOrControlCharacters) {
    EXPECT_EQ(access_log_line("GET", "/api/search", 200, 1.234), "GET /api/search 200 1.23 ms");
    EXPECT_EQ(access_log_line("GET", "/a\nGET /forged", 404, 0), "GET /a?GET /forged 404 0.00 ms");
}

TEST(ListenAddress, Forms) {
    auto a = parse_listen_address("127.0.0.1:8080");
    EXPECT_EQ(a.host, "127.0.0.1");
    EXPECT_EQ(a.port, 8080);
    a = parse_listen_address("9000");
    EXPECT_EQ(a.host, "127.0.0.1");  // loopback unless told otherwise
    EXPECT_EQ(a.port, 9000);
    a = parse_listen_address("[::1]:0");
    EXPECT_EQ(a.host, "::1");
    EXPECT_EQ(a.port, 0);
    a = parse_listen_address("0.0.0.0:80");
    EXPECT_EQ(a.host, "0.0.0.0");
    EXPECT_THROW(parse_listen_address("127.0.0.1:65536"), UsageError);
    EXPECT_THROW(parse_listen_address("127.0.0.1:"), UsageError);
    EXPECT_THROW(parse_listen_address(":80"), UsageError);
    EXPECT_THROW(parse_listen_address("::1:80"), UsageError);
    EXPECT_THROW(parse_listen_address("localhost:http"), UsageError);
}

TEST(Suggest, TypedWordsSplitOffThePrefixBeingTyped) {
    auto w = split_typed_words("Ukraine Negotiat");
    EXPECT_EQ(w.complete, (std::vector<std::string>{"ukraine"}));
    EXPECT_EQ(w.prefix, "negotiat");
    w = split_typed_words("Ukraine, talks ");
    EXPECT_EQ(w.complete, (std::vector<std::string>{"ukraine", "talks"}));
    EXPECT_EQ(w.prefix, "");
    w = split_typed_words("Élysée");
    EXPECT_TRUE(w.complete.empty());
    EXPECT_EQ(w.prefix, "élysée");
}

TEST(StaticAssets, OnlyExactNamesOfTheEmbeddedTable) {
    const Asset* page = find_asset("index.html");
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(page->content_type, "text/html; charset=utf-8");
    EXPECT_NE(page->body.find("<html"), std::string_view::npos);
    ASSERT_NE(find_asset("app.js"), nullptr);
    ASSERT_NE(find_asset("style.css"), nullptr);
    EXPECT_EQ(find_asset("../index.html"), nullptr);
    EXPECT_EQ(find_asset("/etc/passwd"), nullptr);
    EXPECT_EQ(find_asset(""), nullptr);
    EXPECT_EQ(find_asset("INDEX.HTML"), nullptr);
}

}  // namespace
}  // namespace gazette::server
