// Refusing to write when the disk is (nearly) full. Xapian 1.4.22 does not always fail
// cleanly when it runs out of space inside WritableDatabase::commit(): sometimes it throws
// DatabaseError ("Error writing block N"), sometimes it calls std::terminate (seen on a full
// tmpfs, docs/reliability.md). So every document, commit and merge first checks that there
// is room, and stops with a clear message while the database is still as of its last commit.
#pragma once

#include <cstdint>
#include <string>

namespace gazette {

// Room kept free: one document, or a commit of a batch (--batch-mb, 2 MB of text by default),
// writes far less than this in B-tree blocks. A margin, not a guarantee (another process may
// fill the disk in between): docs/reliability.md says what is left.
inline constexpr std::uintmax_t kCommitReserveBytes = 4ull << 20;

// Throws std::runtime_error naming `path` and the space free when the filesystem holding it
// has less than `bytes` available.
void require_free_space(const std::string& path, std::uintmax_t bytes);

}  // namespace gazette
