// The files of the batch the watcher is indexing, kept beside the database (DB.gazette-watch)
// until the batch is committed. After a SIGKILL the next --watch run indexes exactly that
// batch first: the same files make the same plan, so the bulk indexer resumes it from the
// position of its last commit (indexer/bulk/run_progress.h) instead of starting it over.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace gazette {

class WatchJournal {
  public:
    explicit WatchJournal(const std::string& db_path);

    // The batch an interrupted run left; empty when none.
    std::vector<std::string> interrupted() const;
    // Written (and synced) before a batch is read.
    void begin(const std::vector<std::string>& files) const;
    // Removed once it is committed.
    void end() const;

  private:
    std::filesystem::path path_;
};

}  // namespace gazette
