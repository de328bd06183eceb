// The number of files the process may have open, for merges that open every source at once.
#pragma once

#include <cstddef>

namespace gazette {

// Raises the soft limit on open files (RLIMIT_NOFILE) to the hard limit, which an
// unprivileged process may do, and returns the soft limit now in force. Many systems start
// processes with a soft limit of 1,024 and a hard one far above it.
std::size_t raise_open_file_limit();

}  // namespace gazette
