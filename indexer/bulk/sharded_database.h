// A sharded database: a folder holding shard-0 … shard-N-1, a Xapian stub file XAPIANDB that
// lists them (so anything that opens the folder sees one database), and lexicon/, a small
// database with the merged spelling data of all shards: Xapian 1.4 cannot take spelling
// suggestions from remote shards, so searchers of remote shards read them from a local copy
// of the lexicon instead.
#pragma once

#include <string>
#include <vector>

namespace gazette {

inline constexpr const char* kStubFile = "XAPIANDB";
inline constexpr const char* kLexiconFolder = "lexicon";

// The shard paths of a sharded database made by gazette-index, or none when `path` is not
// one (no stub file, or a stub that is not ours).
std::vector<std::string> sharded_database_shards(const std::string& path);

// Makes the folder, `count` empty shards and the stub file; returns the shard paths.
std::vector<std::string> create_sharded_database(const std::string& path, unsigned count);

// After a run: makes the shards' commits durable (they may have been written unsynced) and
// rebuilds the lexicon from the shards' spelling data.
void finish_sharded_database(const std::string& path, const std::vector<std::string>& shards);

}  // namespace gazette
