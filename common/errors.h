// Error types shared by both programs. Exit statuses are documented in README.md.
#pragma once

#include <stdexcept>
#include <string>

namespace gazette {

// Something the user asked for cannot be done (bad option, bad query): exit status 2.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A record or input that is not what its format promises; the message names the reason.
class InputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

namespace exit_status {
inline constexpr int kOk = 0;
inline constexpr int kFatal = 1;     // database missing, locked, corrupt; I/O failure
inline constexpr int kUsage = 2;     // bad options or query syntax
inline constexpr int kRejected = 3;  // gazette-index finished, but some records were rejected
}  // namespace exit_status

}  // namespace gazette
