#include "indexer/index_command.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "common/errors.h"
#include "indexer/bulk/bulk_index.h"
#include "indexer/bulk/delete_articles.h"
#include "indexer/bulk/summary_text.h"

namespace gazette {
namespace {

double peak_memory_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace

void report_plan(const InputPlan& plan) {
    for (const auto& missing : plan.missing)
        std::cerr << "gazette-index: cannot read " << missing << "\n";
    for (const auto& skipped : plan.unknown_format) {
        std::cerr << "gazette-index: skipped " << skipped
                  << ": not a format gazette-index reads (name it with --format to force one)\n";
    }
}

std::uint64_t print_index_summary(const BulkResult& r, const InputPlan& plan,
                                  const std::string& db_path,
                                  std::chrono::steady_clock::time_point start) {
    std::uint64_t rejected = r.read.rejected + plan.missing.size();
    if (r.repeated_ids > 0) {
        std::cerr
            << "gazette-index: warning: " << with_commas(r.repeated_ids)
            << " articles had an id that came earlier in this run; the later one was kept "
               "(are ids unique? text files take theirs from the path below the folder given)\n";
    }
    if (r.older_versions > 0) {
        std::cerr << "gazette-index: " << with_commas(r.older_versions)
                  << " articles were older versions of ids the database holds at a higher "
                     "version, and were not indexed\n";
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
    std::cout << "database " << db_path << " holds " << with_commas(r.documents) << " articles ("
              << r.written_as << (r.resumed ? ", resumed an interrupted run" : "") << ")\n"
              << std::flush;
    return rejected;
}

int run_index(const IndexCommand& command) {
    auto start = std::chrono::steady_clock::now();
    std::uint64_t rejected = 0;
    if (!command.delete_ids.empty()) {
        DeleteResult deleted = delete_articles(command.bulk.db_path, command.delete_ids);
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
    report_plan(plan);
    BulkResult r = run_bulk_index(plan, command.bulk);
    rejected += print_index_summary(r, plan, command.bulk.db_path, start);
    return rejected > 0 ? exit_status::kRejected : exit_status::kOk;
}

}  // namespace gazette
