// Refusing to write when the disk is (nearly) full. Xapian 1.4.22 does not always fail
// cleanly when it runs out of space inside WritableDatabase::commit(): sometimes it throws
// DatabaseError ("Error writing block N"), sometimes it calls std::terminate (seen on a full
// tmpfs, docs/reliability.md). So every document, commit and merge first checks that there
// is room, and stops with a clear message while the database is still as of its last commit.
#pragma once

#include <cstdint>
#include <string>

namespace gazette {

// Room kept free: one document, or a commit of a batch (--batch-mb, 1 MB of text by default),
// writes far less than this in B-tree blocks. A margin, not a guarantee (another process may
// fill the disk in between): docs/reliability.md says what is left.
inline constexpr std::uintmax_t kCommitReserveBytes = 4ull << 20;

// Extra room per byte of a batch's text, for every writer (writers commit together): with
// only kCommitReserveBytes, libxapian still aborted on a full 16 MB tmpfs in one CI dry run
// of tests/e2e/disk_full_test.py (two writers committing at once). A whole compacted index
// is about 5.5 bytes per byte of text on Reuters, but a commit writes only the blocks the
// batch changes; 2 is a margin chosen without a measurement of a commit's peak, not a bound.
inline constexpr std::uintmax_t kIndexBytesPerTextByte = 2;

// Bytes free for an unprivileged writer on the filesystem holding `path`; UINTMAX_MAX when
// it cannot tell (then the writes themselves report a failure).
std::uintmax_t available_space(const std::string& path);

// Throws std::runtime_error naming `path` and the space free when the filesystem holding it
// has less than `bytes` available.
void require_free_space(const std::string& path, std::uintmax_t bytes);

// Bytes of the regular files under `dir` (a database folder); 0 when it cannot be read.
std::uintmax_t size_on_disk(const std::string& dir);

}  // namespace gazette
