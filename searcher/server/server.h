// The HTTP search service: configuration and the loop that serves until SIGINT or SIGTERM.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "searcher/engine/database_set.h"
#include "searcher/query/query_builder.h"
#include "searcher/server/limits.h"
#include "searcher/server/listen_address.h"

namespace gazette::server {

struct ServerConfig {
    std::vector<std::string> db_paths;  // local paths or tcp://host:port shards
    ShardOptions shards;
    ListenAddress listen;
    std::size_t threads = 8;
    bool quiet = false;  // no access log
    Limits limits;
    QueryOptions query_options;
    // How often a worker checks the index for new commits.
    std::chrono::milliseconds reopen_interval{1000};
};

// Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns 0.
// Throws when the database cannot be opened or the address cannot be bound.
int run_server(const ServerConfig& config);

}  // namespace gazette::server
