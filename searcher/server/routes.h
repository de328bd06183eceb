// The service's URLs: the JSON API, health and metrics, and the search page. Every answer
// with a status of 400 or more has the body {"error": "..."}.
#pragma once

#include <httplib.h>

#include "searcher/server/metrics.h"
#include "searcher/server/server.h"

namespace gazette::server {

// Installs every route and the handlers that wrap them (overload shedding, errors as JSON,
// metrics and the access log) on `http`. `config` and `metrics` must outlive it.
void install_routes(httplib::Server& http, const ServerConfig& config, Metrics& metrics);

}  // namespace gazette::server
