#include "searcher/server/metrics.h"

#include <cstdio>

namespace gazette::server {
namespace {

// Prometheus reads plain decimal or exponent notation. `digits` 17 round-trips a double; bucket
// labels use fewer so that 0.0005 reads as written.
std::string number(double value, int digits = 17) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", digits, value);
    return buf;
}

}  // namespace

void Metrics::record_request(int status, double seconds) {
    std::lock_guard lock(mutex_);
    ++by_status_[status];
    ++count_;
    sum_seconds_ += seconds;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++bucket_counts_[i];
            break;
        }
    }
}

void Metrics::record_reopen(double unix_seconds) {
    std::lock_guard lock(mutex_);
    if (unix_seconds > last_reopen_)
        last_reopen_ = unix_seconds;
}

std::string Metrics::render(std::uint64_t documents) const {
    std::lock_guard lock(mutex_);
    std::string out;
    out += "# HELP gazette_http_requests_total HTTP requests answered, by status code.\n";
    out += "# TYPE gazette_http_requests_total counter\n";
    for (const auto& [status, n] : by_status_) {
        out += "gazette_http_requests_total{code=\"" + std::to_string(status) + "\"} " +
               std::to_string(n) + "\n";
    }
    out +=
        "# HELP gazette_http_request_duration_seconds Time from routing a request to "
        "answering it.\n";
    out += "# TYPE gazette_http_request_duration_seconds histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += bucket_counts_[i];
        out += "gazette_http_request_duration_seconds_bucket{le=\"" + number(kBuckets[i], 6) +
               "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "gazette_http_request_duration_seconds_bucket{le=\"+Inf\"} " + std::to_string(count_) +
           "\n";
    out += "gazette_http_request_duration_seconds_sum " + number(sum_seconds_) + "\n";
    out += "gazette_http_request_duration_seconds_count " + std::to_string(count_) + "\n";
    out += "# HELP gazette_index_documents Documents in the index.\n";
    out += "# TYPE gazette_index_documents gauge\n";
    out += "gazette_index_documents " + std::to_string(documents) + "\n";
    out +=
        "# HELP gazette_index_last_reopen_timestamp_seconds When the service last opened a "
        "new revision of the index (Unix time).\n";
    out += "# TYPE gazette_index_last_reopen_timestamp_seconds gauge\n";
    out += "gazette_index_last_reopen_timestamp_seconds " + number(last_reopen_) + "\n";
    return out;
}

}  // namespace gazette::server
