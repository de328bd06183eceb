#include "searcher/server/request_readiness.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "common/text/ascii.h"
#include "searcher/server/api_error.h"

namespace gazette::server {
namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// A header line's name or value as httplib takes it: without the spaces and tabs around it,
// nor the CR of the line's CRLF (lines are split at LF).
std::string_view header_token(std::string_view s) {
    return trim_end(trim_start(s, " \t"), " \t\r");
}

struct Framing {
    bool chunked = false;
    bool bad_length = false;  // unparsable: httplib answers 400 without reading a body
    std::size_t length = 0;   // the first Content-Length, as httplib takes it
};

Framing framing(std::string_view headers) {
    Framing f;
    bool seen_length = false;
    while (!headers.empty()) {
        std::size_t end = headers.find('\n');
        std::string_view line = headers.substr(0, end);
        headers.remove_prefix(end == std::string_view::npos ? headers.size() : end + 1);
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        std::string_view name = header_token(line.substr(0, colon));
        std::string_view value = header_token(line.substr(colon + 1));
        if (iequals(name, "Transfer-Encoding")) {
            f.chunked = true;
        } else if (iequals(name, "Content-Length") && !seen_length) {
            seen_length = true;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), f.length);
            f.bad_length = ec != std::errc() || ptr != value.data() + value.size();
        }
    }
    return f;
}

}  // namespace

Readiness request_readiness(std::string_view received, std::size_t max_body_bytes,
                            std::size_t max_head_bytes) {
    std::size_t line_end = received.find('\n');
    if (line_end == std::string_view::npos)
        return received.size() >= max_head_bytes ? Readiness::kTooLarge : Readiness::kIncomplete;
    // httplib rejects a request line without CR at once, without reading headers.
    if (line_end == 0 || received[line_end - 1] != '\r')
        return Readiness::kReady;
    std::size_t head_end = received.find("\r\n\r\n", line_end - 1);
    if (head_end == std::string_view::npos || head_end + 4 > max_head_bytes)
        return received.size() >= max_head_bytes ? Readiness::kTooLarge : Readiness::kIncomplete;
    Framing f = framing(received.substr(line_end + 1, head_end + 2 - (line_end + 1)));
    if (f.chunked || f.bad_length || f.length > max_body_bytes)
        return Readiness::kReady;
    return received.size() - (head_end + 4) >= f.length ? Readiness::kReady
                                                        : Readiness::kIncomplete;
}

std::string too_large_answer(std::string_view received, std::size_t max_head_bytes) {
    bool line_ended = received.find('\n') != std::string_view::npos;
    std::string limit = std::to_string(max_head_bytes);
    std::string body = error_body(line_ended ? "request headers over " + limit + " bytes"
                                             : "request line over " + limit + " bytes");
    return std::string(line_ended ? "HTTP/1.1 400 Bad Request" : "HTTP/1.1 414 URI Too Long") +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

}  // namespace gazette::server
