// --parallel: each local database of a search is opened through its own xapian-progsrv
// process (Xapian's remote backend over a pipe), so that the shards of one query are matched
// at the same time on different cores. Xapian 1.4 matches the subdatabases of one local
// Database one after the other in the calling thread; with remote subdatabases it sends the
// query to all of them before reading any answer, and merges their results with global
// statistics, so the ranking is the same as with the shards opened locally.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace gazette {

// The program that serves one database over a pipe (Debian package xapian-tools).
inline constexpr const char* kProgServer = "xapian-progsrv";

// The local databases `spec` consists of: the entries of its stub file (a folder holding a
// XAPIANDB stub, as gazette-index --shards writes, or a stub file itself), else `spec`.
// Throws UsageError for a stub entry that is not a local database (e.g. "remote ...").
std::vector<std::string> local_databases_of(const std::string& spec);

// Opens the local database `path` through a xapian-progsrv child process. Throws UsageError
// when xapian-progsrv is not installed or the path holds a space (Xapian splits the server's
// arguments at spaces), Xapian::NetworkError when the process does not answer.
Xapian::Database open_in_own_process(const std::string& path, unsigned timeout_ms);

}  // namespace gazette
