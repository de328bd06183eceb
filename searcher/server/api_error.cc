#include "searcher/server/api_error.h"

#include <nlohmann/json.hpp>

namespace gazette::server {

std::string error_body(const std::string& message) {
    nlohmann::json body = nlohmann::json::object();
    body["error"] = message;
    // "replace": a message quoting a client's bad bytes must still be valid JSON.
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace gazette::server
