// The databases a search runs over: local databases (a folder, or a stub file listing
// shards) and remote shards served by xapian-tcpsrv (`tcp://host:port`), opened as one
// Xapian::Database so that Xapian merges the match with global statistics. With --parallel
// the local ones are served by xapian-progsrv child processes (shard_processes.h).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gazette {

struct ShardOptions {
    unsigned connect_timeout_ms = 2000;  // to establish a connection to a remote shard
    unsigned timeout_ms = 10000;         // for each exchange with a remote shard
    // Search the shards that answer and say which did not, instead of failing.
    bool allow_partial = false;
    // A lexicon database for spelling suggestions; "" = find one: the lexicon/ folder of a
    // local sharded database given with --db.
    std::string lexicon;
    // --parallel: every local database (each shard of a stub) in its own xapian-progsrv
    // process, so that the shards are matched at the same time (shard_processes.h).
    bool parallel = false;
};

struct DatabaseSet {
    Xapian::Database db;
    std::optional<Xapian::Database> lexicon;  // where suggestions come from, when not `db`
    // With --parallel: the same local databases opened in this process, in the same order,
    // so that docids agree with `db`'s. Hits' documents are read from here: over the remote
    // backend each document is a round trip with one message per value slot, which cost
    // more than the parallel match saved (docs/scale-out.md).
    std::optional<Xapian::Database> documents;
    bool any_remote = false;   // remote shards, or local ones in their own processes
    bool any_network = false;  // tcp:// shards: no local handle can stand in for them
    // A local stub file lists remote shards (`remote ...` lines): `db` reads them over the
    // network although no spec is tcp://.
    bool remote_in_stub = false;
    std::vector<std::string> missing;  // shards left out (only with allow_partial)
    // The local databases' size on disk (the match-set layer sizes its caches by it).
    std::uintmax_t bytes_on_disk = 0;
    // Each local database's path and UUID when opened: an indexer that merges swaps a new
    // database in under the same path, whose revision number may equal the old one's, so
    // Database::reopen() would see no change; its UUID differs. replaced_since_opened() tells.
    std::vector<std::pair<std::string, std::string>> opened_uuids;

    // A handle on every database of the set read in this process, with `db`'s docids (the
    // match-set layer's), or nothing when some are only reachable over the network.
    std::optional<Xapian::Database> in_process() const {
        if (any_network || remote_in_stub)
            return std::nullopt;
        if (documents)
            return documents;
        if (any_remote)
            return std::nullopt;
        return db;
    }
};

// Opens every spec: "tcp://host:port" (remote) or a local path. A shard that cannot be
// opened is an error naming it (Xapian::DatabaseOpeningError or NetworkError), unless
// allow_partial, which leaves it out and lists it in `missing` (at least one must open).
// Throws UsageError for a local database of another schema version.
DatabaseSet open_database_set(const std::vector<std::string>& specs, const ShardOptions& options);

// Document `id` of a match read from `documents`, a handle with the match's docids but its
// own revision (DatabaseSet::documents): when the two saw different commits of an indexer
// and the document is gone, Xapian::DatabaseModifiedError, so that the search is run again
// once both are reopened, as for any revision the indexer discarded.
Xapian::Document matched_document(const Xapian::Database& documents, Xapian::docid id);

// True when a local database of `set` is no longer the one opened (another database was
// swapped in under its path): the set must be opened again.
bool replaced_since_opened(const DatabaseSet& set);

// "tcp://host:port" → host and port; false when `spec` is not such a URL.
bool parse_tcp_spec(const std::string& spec, std::string& host, unsigned& port);

}  // namespace gazette
