// gazette-index's work, apart from option parsing: plan the inputs, read them, write the
// database, print the summary. Returns the exit status.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/readers/input_files.h"

namespace gazette {

struct IndexCommand {
    std::string db_path;
    std::vector<std::string> inputs;
    std::vector<std::string> excludes;
    std::optional<Format> format;
    std::string default_source;
    std::uint64_t batch_mb = 4;
    bool quiet = false;
};

int run_index(const IndexCommand& command);

}  // namespace gazette
