// gazette-index's work, apart from option parsing: plan the inputs, delete what was asked,
// index, print the summary. Returns the exit status.
#pragma once

#include <chrono>
#include <cstdint>
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

// What run_index and the watcher print: the plan's missing and unreadable inputs on stderr,
// then, after the run, its warnings and the summary lines. Returns the rejects to count
// (the run's and the missing inputs).
void report_plan(const InputPlan& plan);
std::uint64_t print_index_summary(const BulkResult& result, const InputPlan& plan,
                                  const std::string& db_path,
                                  std::chrono::steady_clock::time_point start);

}  // namespace gazette
