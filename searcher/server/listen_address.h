// --listen HOST:PORT → host and port.
#pragma once

#include <string>
#include <string_view>

namespace gazette::server {

struct ListenAddress {
    std::string host = "127.0.0.1";  // loopback unless told otherwise
    int port = 8080;                 // 0 = any free port (the server prints the one it got)
};

// "127.0.0.1:8080", "0.0.0.0:80", "[::1]:8080", "localhost:0", or just "8080" (loopback).
// Throws UsageError for anything else.
ListenAddress parse_listen_address(std::string_view text);

}  // namespace gazette::server
