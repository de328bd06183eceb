#include "indexer/watch/watch_command.h"

#include <chrono>
#include <filesystem>
#include <iostream>

#include "common/errors.h"
#include "indexer/index_command.h"
#include "indexer/watch/folder_events.h"
#include "indexer/watch/watch_journal.h"

namespace gazette {
namespace {

namespace fs = std::filesystem;

// A burst of files is one batch: the batch closes once no file came for kSettle, and at
// the latest kLongest after its first file, so a steady stream is still committed within
// a second or two of each file's close.
constexpr std::chrono::milliseconds kSettle{150};
constexpr std::chrono::milliseconds kLongest{1000};

bool is_inside(const fs::path& inner, const fs::path& outer) {
    std::error_code ec;
    fs::path a = fs::weakly_canonical(inner, ec);
    fs::path b = fs::weakly_canonical(outer, ec);
    auto [end, unused] = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
    return end == b.end();
}

void index_batch(const WatchCommand& command, const WatchJournal& journal,
                 const std::vector<std::string>& arguments) {
    auto start = std::chrono::steady_clock::now();
    InputPlan plan = plan_inputs(arguments, command.format, command.excludes);
    plan.missing.clear();  // a file gone before its turn (renamed away again) is no error
    report_plan(plan);
    if (plan.files.empty())
        return;
    std::vector<std::string> files;
    for (const auto& f : plan.files)
        files.push_back(f.path.string());
    journal.begin(files);
    BulkResult result = run_bulk_index(plan, command.bulk);
    journal.end();
    if (result.files_read == 0)
        return;  // every file was indexed before (the catch-up after a restart)
    for (const auto& f : plan.files)
        std::cerr << "gazette-index: watch: read " << f.path.string() << "\n";
    print_index_summary(result, plan, command.bulk.db_path, start);
}

}  // namespace

int run_watch(const WatchCommand& command) {
    fs::path folder = command.folder;
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw UsageError("--watch " + command.folder + ": not a folder");
    if (is_inside(command.bulk.db_path, folder))
        throw UsageError("--watch " + command.folder + ": the database " + command.bulk.db_path +
                         " must not be inside the folder watched");
    WatchCommand c = command;
    c.bulk.update = true;  // a file is indexed once, unless it changes
    // The catch-up walk leaves out what the events leave out: files still being written.
    for (const char* temporary :
         {".*", "*~", "*.tmp", "*.part", "*.partial", "*.crdownload", "*.swp"})
        c.excludes.emplace_back(temporary);
    // Watching first, catching up second: nothing completed in between is missed.
    FolderEvents events(folder);
    WatchJournal journal(c.bulk.db_path);
    std::cerr << "gazette-index: watching " << folder.string() << " (SIGTERM to stop)\n";
    if (auto left = journal.interrupted(); !left.empty()) {
        std::cerr << "gazette-index: watch: resuming the batch of " << left.size()
                  << " files a killed run left\n";
        index_batch(c, journal, left);
    }
    index_batch(c, journal, {folder.string()});
    for (;;) {
        FolderEvents::Batch batch = events.wait(kSettle, kLongest);
        if (batch.stop)
            break;
        std::vector<std::string> arguments;
        if (batch.overflow) {
            arguments.push_back(folder.string());  // the kernel dropped events: look again
        } else {
            for (const auto& p : batch.paths)
                arguments.push_back(p.string());
        }
        index_batch(c, journal, arguments);
    }
    std::cerr << "gazette-index: watch: stopped\n";
    return exit_status::kOk;
}

}  // namespace gazette
