// An error the HTTP API answers with a status of its own and {"error": message}.
#pragma once

#include <stdexcept>
#include <string>

namespace gazette::server {

class ApiError : public std::runtime_error {
  public:
    ApiError(int status, const std::string& message)
        : std::runtime_error(message), status_(status) {}
    int status() const { return status_; }

  private:
    int status_;
};

// {"error": message} as the body of every error answer.
std::string error_body(const std::string& message);

}  // namespace gazette::server
