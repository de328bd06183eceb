// The one rule of article versions (NewsML-G2; docs/article-format.md): an article replaces
// the copy of its id held anywhere in the database (any shard) unless that copy carries a
// higher version. An unversioned article (version 0) replaces whatever the id holds.
// Used by the writers (newer_version_held), the year router (shard_locator.h), the segment
// merge (segment_merge.cc) and the alerts (alert_run.h), which must all agree on which copy
// is kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gazette {

// True when an article of version `incoming` must not replace a copy held at `held`.
inline bool older_than_held(std::uint64_t incoming, double held) {
    return incoming != 0 && held > static_cast<double>(incoming);
}

// Of the copies of one id in the order they arrived (stored versions, 0 when none), the index
// of the one kept: each copy in turn replaces the one kept so far unless older_than_held says
// it must not, as the writer would have decided had they come one after another.
inline std::size_t kept_copy(const std::vector<double>& versions_in_arrival_order) {
    std::size_t kept = 0;
    for (std::size_t i = 1; i < versions_in_arrival_order.size(); ++i) {
        auto incoming = static_cast<std::uint64_t>(versions_in_arrival_order[i]);
        if (!older_than_held(incoming, versions_in_arrival_order[kept]))
            kept = i;
    }
    return kept;
}

}  // namespace gazette
