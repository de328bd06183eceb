// The answers the server writes itself, without httplib: 408 for a request that did not
// arrive in time, 414 or 400 for a head over the limit, 503 when no room is left. They are
// counted in /metrics and written to the access log like every other answer, so an attack
// shows up where operators look.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "searcher/server/connection.h"
#include "searcher/server/metrics.h"

namespace gazette::server {

class RefusalLog {
  public:
    RefusalLog(Metrics& metrics, bool quiet) : metrics_(metrics), quiet_(quiet) {}

    // `answer` is about to be written to `connection`, whose request is in its unparsed bytes.
    void record(const Connection& connection, std::string_view answer) const;

  private:
    Metrics& metrics_;
    bool quiet_;
};

// 408 from "HTTP/1.1 408 Request Timeout\r\n..."; 0 when it is not a status line.
int answer_status(std::string_view answer);
// Method and path (without its query string) of the request line that has arrived, or "-"
// for what has not.
std::pair<std::string, std::string> request_method_and_path(std::string_view head);

}  // namespace gazette::server
