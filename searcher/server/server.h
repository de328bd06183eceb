// The HTTP search service: configuration and the loop that serves until SIGINT or SIGTERM.
#pragma once

#include <cstddef>

#include "searcher/engine/search_session.h"
#include "searcher/server/limits.h"
#include "searcher/server/listen_address.h"

namespace gazette::server {

// Twice the machine's cores, at least 4: a worker waits only on disk reads and remote shards
// (slow clients wait in the waiting room, not in a worker), so a few more workers than cores
// keep the cores busy through those waits, and many more only contend. On 2 cores, the
// search page's requests over 200,000 articles: 8 workers served 1,020-1,053 requests/s at a
// p99 of 37 ms, 4 workers 1,096-1,107 at 22 ms (docs/benchmarks.md).
std::size_t default_worker_threads();

struct ServerConfig {
    // What each worker's search session opens, how it searches and how often it looks for
    // new commits (search_session.h).
    SessionOptions session;
    ListenAddress listen;
    std::size_t threads = default_worker_threads();
    bool quiet = false;  // no access log
    Limits limits;
};

// Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns 0.
// Throws when the database cannot be opened or the address cannot be bound.
int run_server(const ServerConfig& config);

}  // namespace gazette::server
