// gazette-index's work, apart from option parsing: plan the inputs, delete what was asked,
// index, print the summary. Returns the exit status.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/bulk/batch_listener.h"
#include "indexer/bulk/shard_scheme.h"
#include "indexer/readers/input_files.h"

namespace gazette {

struct IndexCommand {
    std::string db_path;
    std::vector<std::string> inputs;
    std::vector<std::string> excludes;
    std::optional<Format> format;
    std::string default_source;
    std::uint64_t batch_mb = 1;
    std::uint64_t segment_mb = 16;  // 0: no segments (bulk_index.h)
    unsigned threads = 1;
    bool keep_shards = false;
    unsigned shards = 0;
    std::optional<ShardScheme> shard_by;  // --shard-by
    bool update = false;
    std::vector<std::string> delete_ids;
    bool quiet = false;
    BatchListener* listener = nullptr;  // standing-query alerts (alerts/), or none
};

int run_index(const IndexCommand& command);

}  // namespace gazette
