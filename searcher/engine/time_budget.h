// A search's time budget (SearchOptions::time_limit_seconds): the deadline each stage checks,
// and the error when it has passed (the HTTP service answers 503).
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

namespace gazette {

class TimeBudgetExceeded : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// When a piece of work must be done by; unset: no budget.
using Deadline = std::optional<std::chrono::steady_clock::time_point>;

// A deadline `seconds` from now, or none for 0.
inline Deadline deadline_in(double seconds) {
    if (seconds <= 0)
        return std::nullopt;
    return std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(
               std::chrono::duration<double>(seconds));
}

// Throws TimeBudgetExceeded naming `what` when `deadline` has passed.
inline void check_deadline(const Deadline& deadline, const char* what) {
    if (deadline && std::chrono::steady_clock::now() > *deadline)
        throw TimeBudgetExceeded(std::string(what) + " ran out of the search's time budget");
}

}  // namespace gazette
