// The one rule of article versions (NewsML-G2; docs/article-format.md): an article replaces
// the copy of its id held anywhere in the database (any shard) unless that copy carries a
// higher version. An unversioned article (version 0) replaces whatever the id holds.
// Used by the writers (newer_version_held), the year router (shard_locator.h) and the
// alerts (alert_run.h), which must all agree on which copy is kept.
#pragma once

#include <cstdint>

namespace gazette {

// True when an article of version `incoming` must not replace a copy held at `held`.
inline bool older_than_held(std::uint64_t incoming, double held) {
    return incoming != 0 && held > static_cast<double>(incoming);
}

}  // namespace gazette
