// One line per request on stderr: method, path, status, milliseconds.
#pragma once

#include <string>

namespace gazette::server {

// `GET /api/search 200 1.23 ms` (the path without its query string: queries people type
// stay out of logs).
std::string access_log_line(const std::string& method, const std::string& path, int status,
                            double milliseconds);

}  // namespace gazette::server
