// gazette-index's work, apart from option parsing: plan the inputs, delete what was asked,
// index, print the summary. Returns the exit status.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/bulk/bulk_index.h"
#include "indexer/readers/input_files.h"

namespace gazette {

struct IndexCommand {
    BulkOptions bulk;  // the database and how to write it (bulk_index.h)
    std::vector<std::string> inputs;
    std::vector<std::string> excludes;
    std::optional<Format> format;  // --format: read every input as this
    std::vector<std::string> delete_ids;
};

int run_index(const IndexCommand& command);

}  // namespace gazette
