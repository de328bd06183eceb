// gazette-index --watch DIR: index every file completed in DIR as it comes, until SIGTERM.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/bulk/bulk_index.h"
#include "indexer/readers/format_registry.h"

namespace gazette {

struct WatchCommand {
    BulkOptions bulk;    // the database and how to write it; update is turned on
    std::string folder;  // DIR
    std::vector<std::string> excludes;
    std::optional<Format> format;
};

// First the batch a killed run left (resumed where its last commit was), then every file
// of the folder not indexed yet (--update's file states: what arrived while nothing ran),
// then each burst of completed files as one batch: one commit, its alerts, one summary
// line. A stop signal ends the wait; a batch under way is finished first. Returns 0.
int run_watch(const WatchCommand& command);

}  // namespace gazette
