#include "indexer/index_command.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "common/errors.h"
#include "common/terminal.h"
#include "indexer/bulk/bulk_index.h"
#include "indexer/bulk/delete_articles.h"

namespace gazette {
namespace {

std::string with_commas(std::uint64_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

// "; short of disk space, 2 runs compacted 12 segments first", or nothing. A segment that two
// rounds compacted (for open files) counts twice.
std::string consolidation_note(const ConsolidationCount& c) {
    if (c.segments == 0)
        return "";
    std::string why = c.for_space && c.for_files ? "disk space and open files"
                      : c.for_space              ? "disk space"
                                                 : "open files";
    return "; short of " + why + ", " + with_commas(c.runs) + (c.runs == 1 ? " run" : " runs") +
           " compacted " + with_commas(c.segments) + " segments first";
}

double peak_memory_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace

int run_index(const IndexCommand& command) {
    auto start = std::chrono::steady_clock::now();
    std::uint64_t rejected = 0;
    if (!command.delete_ids.empty()) {
        DeleteResult deleted = delete_articles(command.db_path, command.delete_ids);
        for (const auto& id : deleted.not_found) {
            std::cerr << "gazette-index: cannot delete " << id << ": no such article\n";
        }
        std::cout << "deleted " << with_commas(deleted.deleted) << " articles, "
                  << with_commas(deleted.not_found.size()) << " ids not found\n";
        rejected += deleted.not_found.size();
        if (command.inputs.empty())
            return rejected > 0 ? exit_status::kRejected : exit_status::kOk;
    }

    InputPlan plan = plan_inputs(command.inputs, command.format, command.excludes);
    for (const auto& missing : plan.missing)
        std::cerr << "gazette-index: cannot read " << missing << "\n";
    for (const auto& skipped : plan.unknown_format) {
        std::cerr << "gazette-index: skipped " << skipped
                  << ": not a format gazette-index reads (name it with --format to force one)\n";
    }
    BulkOptions options;
    options.db_path = command.db_path;
    options.threads = command.threads;
    options.batch_bytes = command.batch_mb << 20;
    options.segment_bytes = command.segment_mb << 20;
    options.default_source = command.default_source;
    options.progress = !command.quiet && is_terminal(stderr);
    options.keep_shards = command.keep_shards;
    options.shards = command.shards;
    options.shard_by = command.shard_by;
    options.update = command.update;
    options.listener = command.listener;
    BulkResult r = run_bulk_index(plan, options);

    rejected += r.read.rejected + plan.missing.size();
    if (r.repeated_ids > 0) {
        std::cerr
            << "gazette-index: warning: " << with_commas(r.repeated_ids)
            << " articles had an id that came earlier in this run; the later one was kept "
               "(are ids unique? text files take theirs from the path below the folder given)\n";
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::uint64_t articles = r.added + r.replaced;
    char rate[160];
    std::snprintf(rate, sizeof rate,
                  "%.2f s, %.0f articles/s, %.2f MB/s of article text, peak memory %.0f MB",
                  seconds, articles / std::max(seconds, 1e-9),
                  r.read.text_bytes / 1e6 / std::max(seconds, 1e-9), peak_memory_mb());
    std::cout << "indexed " << with_commas(articles) << " articles (" << with_commas(r.added)
              << " added, " << with_commas(r.replaced) << " replaced), rejected "
              << with_commas(rejected) << ", warnings " << with_commas(r.read.warnings)
              << ", files " << with_commas(r.files_read) << " read, "
              << with_commas(r.files_unchanged) << " unchanged, "
              << with_commas(plan.unknown_format.size()) << " skipped, "
              << with_commas(plan.excluded) << " excluded, " << with_commas(r.read.skipped_records)
              << " records skipped (not articles); " << rate << "\n";
    std::cout << "database " << command.db_path << " holds " << with_commas(r.documents)
              << " articles ("
              << (r.mode == WriteMode::kInPlace ? std::string("updated in place")
                  : r.mode == WriteMode::kSharded
                      ? std::to_string(r.writers) + " shards, written in place"
                  : r.mode == WriteMode::kNewShards
                      ? std::to_string(r.writers) + " shards, " + with_commas(r.segments) +
                            " segments compacted into them"
                      : std::to_string(r.writers) + (r.writers == 1 ? " writer" : " writers") +
                            (r.segments > r.writers
                                 ? ", " + with_commas(r.segments) + " segments merged"
                                 : std::string(", merged")))
              << consolidation_note(r.consolidated)
              << (r.resumed ? ", resumed an interrupted run" : "") << ")\n";
    return rejected > 0 ? exit_status::kRejected : exit_status::kOk;
}

}  // namespace gazette
