#include "searcher/server/listen_address.h"

#include <charconv>

#include "common/errors.h"

namespace gazette::server {
namespace {

int parse_port(std::string_view text, std::string_view whole) {
    int port = -1;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || port < 0 ||
        port > 65535) {
        throw UsageError("--listen \"" + std::string(whole) +
                         "\": the port must be a number from 0 to 65535");
    }
    return port;
}

}  // namespace

ListenAddress parse_listen_address(std::string_view text) {
    ListenAddress out;
    auto colon = text.rfind(':');
    if (colon == std::string_view::npos) {
        out.port = parse_port(text, text);
        return out;
    }
    std::string_view host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);  // [::1]
    } else if (host.find(':') != std::string_view::npos) {
        throw UsageError("--listen \"" + std::string(text) +
                         "\": write an IPv6 address in brackets, as [::1]:8080");
    }
    if (host.empty()) {
        throw UsageError("--listen \"" + std::string(text) + "\": the host is missing");
    }
    out.host = std::string(host);
    out.port = parse_port(text.substr(colon + 1), text);
    return out;
}

}  // namespace gazette::server
