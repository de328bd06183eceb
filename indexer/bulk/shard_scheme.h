// How a sharded database partitions its articles, and where that choice is kept: a small
// file in the database folder, so that every later run routes ids the way the first one did
// (a run with another scheme would put an id in a second shard and leave the first copy).
#pragma once

#include <optional>
#include <string>

#include "common/article.h"
#include "common/schema.h"

namespace gazette {

enum class ShardScheme {
    kHash,  // shard-0 … shard-N-1, an id goes to FNV-1a(id) mod N
    kYear,  // one shard per publication year ("1987", "2024", …) and "undated"
};

// The scheme is named ("hash" or "year") in the folder's kSchemeFile; the shard of articles
// without a date, always present in a year-sharded database, is kUndatedShard (both in
// common/schema.h).

std::string scheme_name(ShardScheme scheme);
// "hash" or "year"; nullopt for anything else.
std::optional<ShardScheme> parse_scheme_name(const std::string& name);

// The scheme recorded in the folder `path`; nullopt when none is. Throws UsageError when the
// file names a scheme this gazette-index does not know.
std::optional<ShardScheme> recorded_scheme(const std::string& path);
// Writes the scheme file (atomically: a new file renamed over the old one).
void record_scheme(const std::string& path, ShardScheme scheme);

// The shard an article belongs to under the year scheme: its UTC year ("1987") or
// kUndatedShard.
std::string year_shard_name(const Article& article);

}  // namespace gazette
