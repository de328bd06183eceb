// What gazette-index --watch waits for: files completed in a folder (inotify: closed after
// writing, or moved in) and the signals that stop it (SIGTERM, SIGINT, through a signalfd),
// in one poll loop and without any global state.
#pragma once

#include <chrono>
#include <filesystem>
#include <vector>

namespace gazette {

// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread, so that they reach FolderEvents
// instead of killing the process. Call it first in main(), before any thread is started:
// threads inherit the mask, and a thread that did not block them would take the signal.
void block_stop_signals();

// Whether a file name is one writers use while a file is incomplete (".name", "name~",
// "name.tmp", "name.part", ...): such files are not read until renamed to their real name.
bool is_temporary_name(const std::filesystem::path& name);

class FolderEvents {
  public:
    // Starts watching `folder` (not its subfolders). Throws std::runtime_error naming the
    // folder and the system's reason.
    explicit FolderEvents(const std::filesystem::path& folder);
    ~FolderEvents();
    FolderEvents(const FolderEvents&) = delete;
    FolderEvents& operator=(const FolderEvents&) = delete;

    struct Batch {
        std::vector<std::filesystem::path> paths;  // completed files (or folders moved in)
        bool overflow = false;  // the kernel dropped events: the caller rescans the folder
        bool stop = false;      // a stop signal came: the caller finishes and exits
    };

    // Waits for the next batch: once a first file is completed, until `settle` passes
    // without another (a burst of files is one batch, one commit), but never longer than
    // `longest` after the first. Temporary names are left out; each path once, in order.
    Batch wait(std::chrono::milliseconds settle, std::chrono::milliseconds longest);

  private:
    std::filesystem::path folder_;
    int inotify_ = -1;
    int signals_ = -1;
};

}  // namespace gazette
