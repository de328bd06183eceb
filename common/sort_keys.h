// Value-slot sort keys for date order with the id as tie-breaker (kSlotNewestFirst,
// kSlotOldestFirst). Fixed-width digits make the byte order of the keys the date order, so
// one value sorts by date and then id, locally and on remote shards alike.
#pragma once

#include <optional>
#include <string>

namespace gazette {

// Keys for an article dated `timestamp` (seconds since epoch; nullopt = undated, which
// sorts after every dated article in both orders).
std::string newest_first_key(std::optional<double> timestamp, const std::string& id);
std::string oldest_first_key(std::optional<double> timestamp, const std::string& id);

}  // namespace gazette
