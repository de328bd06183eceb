// A one-line progress display on stderr: articles, MB, rate and ETA. Silent when disabled
// (not a terminal, or --quiet), so logs and pipes stay clean.
#pragma once

#include <chrono>
#include <cstdint>

namespace gazette {

class ProgressLine {
  public:
    // total_bytes = 0 when the input size is unknown (no ETA then).
    ProgressLine(bool enabled, std::uintmax_t total_bytes);
    // Called often; redraws at most a few times a second.
    void update(std::uint64_t articles, std::uintmax_t bytes_done);
    // Clears the line so the summary starts on a clean line.
    void finish();

  private:
    using Clock = std::chrono::steady_clock;
    bool enabled_;
    std::uintmax_t total_bytes_;
    Clock::time_point start_ = Clock::now();
    Clock::time_point last_draw_{};
    bool drawn_ = false;
};

}  // namespace gazette
