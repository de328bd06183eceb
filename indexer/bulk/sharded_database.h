// A sharded database: a folder holding the shards (shard-0 … shard-N-1 when partitioned by a
// hash of the id, 1987, 2024, …, undated when partitioned by year; shard_scheme.h), a Xapian
// stub file XAPIANDB that lists them (so anything that opens the folder sees one database),
// and lexicon/, a small database with the merged spelling data of all shards: Xapian 1.4
// cannot take spelling suggestions from remote shards, so searchers of remote shards read
// them from a local copy of the lexicon instead.
#pragma once

#include <string>
#include <vector>

#include "common/schema.h"

namespace gazette {

// The names of the folder's parts (kStubFile, kLexiconFolder, ...) are in common/schema.h:
// the searcher opens them too.
// The shard paths of a sharded database made by gazette-index, or none when `path` is not
// one (no stub file, or a stub that is not ours).
std::vector<std::string> sharded_database_shards(const std::string& path);

// Makes the folder, `count` empty shards, the stub file and the scheme file ("hash");
// returns the shard paths.
std::vector<std::string> create_sharded_database(const std::string& path, unsigned count);

// Makes the folder of a year-sharded database with its one initial shard, "undated" (the
// stub's first entry: --update keeps its file states in the first database of the stub),
// the stub file and the scheme file ("year"); returns the shard paths.
std::vector<std::string> create_year_sharded_database(const std::string& path);

// Adds the shard `name` (a year) to a year-sharded database and rewrites the stub to list it;
// returns its path. The shard is created before the stub names it, so the stub never lists
// a shard that is not there.
std::string add_year_shard(const std::string& path, const std::string& name);

// Rewrites the stub of a year-sharded database from the shards in its folder (atomically),
// so that a shard made by a run that died before rewriting the stub is listed again.
void rewrite_year_stub(const std::string& path);

// After a run: makes the shards' commits durable (they may have been written unsynced) and
// rebuilds the lexicon from the shards' spelling data.
void finish_sharded_database(const std::string& path, const std::vector<std::string>& shards);

}  // namespace gazette
