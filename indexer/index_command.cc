#include "indexer/index_command.h"

#include <chrono>
#include <cstdio>
#include <iostream>

#include "common/errors.h"
#include "common/terminal.h"
#include "indexer/bulk/index_writer.h"

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

}  // namespace

int run_index(const IndexCommand& command) {
    auto start = std::chrono::steady_clock::now();
    InputPlan plan = plan_inputs(command.inputs, command.format, command.excludes);
    for (const auto& missing : plan.missing)
        std::cerr << "gazette-index: cannot read " << missing << "\n";
    for (const auto& skipped : plan.unknown_format) {
        std::cerr << "gazette-index: skipped " << skipped
                  << ": not a format gazette-index reads (name it with --format to force one)\n";
    }
    std::uintmax_t total_bytes = 0;
    for (const auto& f : plan.files)
        total_bytes += f.size;

    IndexWriterOptions options;
    options.db_path = command.db_path;
    options.batch_bytes = command.batch_mb << 20;
    options.default_source = command.default_source;
    options.progress = !command.quiet && is_terminal(stderr);
    options.total_input_bytes = total_bytes;
    IndexWriter writer(options);

    for (const auto& file : plan.files) {
        read_input(file, command.default_source, writer);
        writer.file_done(file.size);
    }
    writer.finish();

    const IndexStats& s = writer.stats();
    std::uint64_t rejected = s.rejected + plan.missing.size();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::uint64_t articles = s.added + s.replaced;
    char rate[96];
    std::snprintf(rate, sizeof rate, "%.2f s, %.0f articles/s, %.2f MB/s", seconds,
                  articles / std::max(seconds, 1e-9), s.text_bytes / 1e6 / std::max(seconds, 1e-9));
    std::cout << "indexed " << with_commas(articles) << " articles (" << with_commas(s.added)
              << " added, " << with_commas(s.replaced) << " replaced), rejected "
              << with_commas(rejected) << ", warnings " << with_commas(s.warnings) << ", files "
              << with_commas(plan.files.size()) << " read, "
              << with_commas(plan.unknown_format.size()) << " skipped, "
              << with_commas(plan.excluded) << " excluded, " << with_commas(s.skipped_records)
              << " records skipped (not articles); " << rate << "\n"
              << "database " << command.db_path << " holds " << with_commas(writer.document_count())
              << " articles\n";
    return rejected > 0 ? exit_status::kRejected : exit_status::kOk;
}

}  // namespace gazette
