// The HTTP search service: configuration and the loop that serves until SIGINT or SIGTERM.
#pragma once

#include <cstddef>

#include "searcher/engine/search_session.h"
#include "searcher/server/limits.h"
#include "searcher/server/listen_address.h"

namespace gazette::server {

struct ServerConfig {
    // What each worker's search session opens, how it searches and how often it looks for
    // new commits (search_session.h).
    SessionOptions session;
    ListenAddress listen;
    std::size_t threads = 8;
    bool quiet = false;  // no access log
    Limits limits;
};

// Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns 0.
// Throws when the database cannot be opened or the address cannot be bound.
int run_server(const ServerConfig& config);

}  // namespace gazette::server
