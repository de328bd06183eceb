// The HTTP response inside a WARC response record: status line and headers, and the body
// decoded from its transfer and content encodings (crawlers store what the server sent).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette {

struct HttpHead {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
    // The first header of that (lower-case) name, "" when absent.
    std::string header(std::string_view name) const;
};

// Parses "HTTP/1.1 200 OK\r\nName: value\r\n..." up to, not including, the blank line.
// nullopt when it is not an HTTP response head.
std::optional<HttpHead> parse_http_head(std::string_view head);

// "text/html; charset=utf-8" → "text/html" (lower case, parameters dropped).
std::string media_type(std::string_view content_type);

// Decodes the body as the headers describe: chunked transfer encoding, then gzip or deflate
// content encoding; at most `max_size` bytes out. Bodies that are already decoded (some
// crawlers store them so but keep the headers) are passed through. Throws InputError for
// an encoding it cannot undo, a corrupt body, or a body larger than `max_size`.
std::string decode_http_body(std::string body, const HttpHead& head, std::size_t max_size);

}  // namespace gazette
