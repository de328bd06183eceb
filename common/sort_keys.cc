#include "common/sort_keys.h"

#include <cmath>
#include <cstdio>

namespace gazette {
namespace {

// Seconds are shifted by this much so that dates back to year -1200 stay non-negative, and
// written with 12 digits (up to about year 33,000).
constexpr long long kOffset = 100000000000LL;
constexpr long long kMax = 999999999999LL;

std::string digits(long long v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%012lld", v);
    return buf;
}

long long shifted(double timestamp) {
    long long v = static_cast<long long>(std::floor(timestamp)) + kOffset;
    return v < 0 ? 0 : (v > kMax ? kMax : v);
}

}  // namespace

std::string newest_first_key(std::optional<double> timestamp, const std::string& id) {
    if (!timestamp)
        return "2" + id;
    return "1" + digits(kMax - shifted(*timestamp)) + id;
}

std::string oldest_first_key(std::optional<double> timestamp, const std::string& id) {
    if (!timestamp)
        return "2" + id;
    return "1" + digits(shifted(*timestamp)) + id;
}

}  // namespace gazette
