// The service's counters, rendered in Prometheus' text exposition format (version 0.0.4):
// requests by status code, a latency histogram, documents in the index and the time of the
// last reopen. Shared by every worker thread; each record takes one short lock.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace gazette::server {

class Metrics {
  public:
    // Upper bounds of the latency buckets, in seconds (the +Inf bucket is implied).
    static constexpr std::array<double, 13> kBuckets = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    void record_request(int status, double seconds);
    // The index changed (or was first opened) at `unix_seconds`.
    void record_reopen(double unix_seconds);

    // The whole exposition; `documents` is the index's size as the caller sees it now.
    std::string render(std::uint64_t documents) const;

  private:
    mutable std::mutex mutex_;
    std::map<int, std::uint64_t> by_status_;
    std::array<std::uint64_t, kBuckets.size()> bucket_counts_{};  // not cumulative
    std::uint64_t count_ = 0;
    double sum_seconds_ = 0;
    double last_reopen_ = 0;
};

}  // namespace gazette::server
