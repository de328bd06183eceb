#include "indexer/readers/http_response.h"

#include <zlib.h>

#include "common/errors.h"
#include "common/text/ascii.h"

namespace gazette {
namespace {

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Chunked transfer encoding: "<hex size>[;ext]\r\n<data>\r\n" ... "0\r\n\r\n". nullopt when
// the body does not start like that (already decoded).
std::optional<std::string> dechunk(const std::string& body, std::size_t max_size) {
    if (body.empty() || !is_hex(body[0]))
        return std::nullopt;
    std::string out;
    std::size_t pos = 0;
    for (;;) {
        auto eol = body.find('\n', pos);
        if (eol == std::string::npos) {
            if (out.empty())
                return std::nullopt;
            return out;  // cut off after a chunk: keep what arrived, as browsers do
        }
        std::string_view line = trim(std::string_view(body).substr(pos, eol - pos));
        line = line.substr(0, line.find(';'));
        if (line.empty() || line.size() > 15 ||
            line.find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos) {
            if (out.empty() && pos == 0)
                return std::nullopt;
            throw InputError("bad chunked transfer encoding");
        }
        std::size_t size = std::stoul(std::string(line), nullptr, 16);
        pos = eol + 1;
        if (size == 0)
            return out;
        if (out.size() + size > max_size)
            throw InputError("page larger than " + std::to_string(max_size >> 20) + " MB");
        out.append(body, pos, size);
        pos += size;
        if (pos >= body.size())
            return out;
        if (body.compare(pos, 2, "\r\n") == 0)
            pos += 2;
        else if (body[pos] == '\n')
            pos += 1;
    }
}

// gzip (windowBits 16+15), zlib (15) or raw deflate (-15): servers say "deflate" for both
// of the last two.
std::string inflate_body(const std::string& body, int window_bits, std::size_t max_size) {
    z_stream zs{};
    if (inflateInit2(&zs, window_bits) != Z_OK)
        throw InputError("cannot start the decoder");
    std::string out;
    char buffer[64 * 1024];
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
    zs.avail_in = static_cast<uInt>(body.size());
    int ret = Z_OK;
    while (ret != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef*>(buffer);
        zs.avail_out = sizeof buffer;
        ret = inflate(&zs, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - zs.avail_out);
        if (out.size() > max_size) {
            inflateEnd(&zs);
            throw InputError("page larger than " + std::to_string(max_size >> 20) + " MB");
        }
        if (ret == Z_BUF_ERROR && zs.avail_in == 0)
            break;  // cut short: keep what was decoded
        if (ret != Z_OK && ret != Z_STREAM_END) {
            std::string message = zs.msg ? zs.msg : "error";
            inflateEnd(&zs);
            throw InputError("corrupt compressed body: " + message);
        }
    }
    inflateEnd(&zs);
    return out;
}

}  // namespace

std::string HttpHead::header(std::string_view name) const {
    for (const auto& [n, v] : headers) {
        if (n == name)
            return v;
    }
    return "";
}

std::optional<HttpHead> parse_http_head(std::string_view head) {
    if (!head.starts_with("HTTP/"))
        return std::nullopt;
    HttpHead out;
    auto eol = head.find('\n');
    std::string_view status_line = head.substr(0, eol);
    auto space = status_line.find(' ');
    if (space == std::string_view::npos)
        return std::nullopt;
    std::string_view code = trim(status_line.substr(space + 1)).substr(0, 3);
    if (code.size() != 3 || code.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    out.status = std::stoi(std::string(code));
    while (eol != std::string_view::npos) {
        std::size_t start = eol + 1;
        eol = head.find('\n', start);
        std::string_view line =
            head.substr(start, eol == std::string_view::npos ? eol : eol - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty())
            break;
        if ((line[0] == ' ' || line[0] == '\t') && !out.headers.empty()) {
            out.headers.back().second += " " + std::string(trim(line));  // folded header
            continue;
        }
        auto colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        out.headers.emplace_back(ascii_lower(trim(line.substr(0, colon))),
                                 std::string(trim(line.substr(colon + 1))));
    }
    return out;
}

std::string media_type(std::string_view content_type) {
    return ascii_lower(trim(content_type.substr(0, content_type.find(';'))));
}

std::string decode_http_body(std::string body, const HttpHead& head, std::size_t max_size) {
    if (ascii_lower(head.header("transfer-encoding")).find("chunked") != std::string::npos) {
        if (auto decoded = dechunk(body, max_size))
            body = std::move(*decoded);
    }
    std::string encoding = ascii_lower(trim(head.header("content-encoding")));
    if (encoding.empty() || encoding == "identity")
        return body;
    if (encoding == "gzip" || encoding == "x-gzip") {
        if (!body.starts_with("\x1f\x8b"))
            return body;  // stored decoded
        return inflate_body(body, 16 + MAX_WBITS, max_size);
    }
    if (encoding == "deflate") {
        bool zlib_wrapped =
            body.size() >= 2 && (static_cast<unsigned char>(body[0]) & 0x0F) == 8 &&
            ((static_cast<unsigned char>(body[0]) << 8) | static_cast<unsigned char>(body[1])) %
                    31 ==
                0;
        return inflate_body(body, zlib_wrapped ? MAX_WBITS : -MAX_WBITS, max_size);
    }
    throw InputError("unsupported Content-Encoding: " + encoding);
}

}  // namespace gazette
