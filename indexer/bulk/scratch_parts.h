// The scratch parts of a run that builds a database from nothing (a new or small database
// merged at the end, or the shards of a new sharded database): one database per writer in
// the work folder DB.gazette-work, each rolling segments (segments.h), all compacted into
// the target when the run ends. The folder is locked while a run uses it
// (work_folder_lock.h), and outlives a killed run so that the same command resumes it.
//
// On disk a part is still named WORK/shard-N (and its segments WORK/shard-N.seg-K), as
// before parts had their own name: a run interrupted by an earlier gazette-index resumes
// with this one, and the tests look for those names in the work folder.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/bulk/run_progress.h"
#include "indexer/bulk/work_folder_lock.h"

namespace gazette {

// DB.gazette-work, the work folder of the database at `db_path`.
std::string work_folder_of(const std::string& db_path);

// Deletes what a run killed while discarding a work folder left of it (see discard()).
void remove_discarded_work_folder(const std::string& work);

class ScratchParts {
  public:
    explicit ScratchParts(std::string work) : work_(std::move(work)) {}

    // Takes up the parts an interrupted run of this plan left in the work folder (`count` of
    // them, unless 0), once their interrupted segment rolls and consolidations are finished.
    // Parts of another plan, or of a run that committed nothing, are discarded. True when
    // taken up; throws Xapian::DatabaseLockError while another run uses the folder.
    bool resume(const std::string& plan_id, std::size_t count);
    // Makes `count` new, empty parts.
    void create(std::size_t count);

    const std::vector<std::string>& paths() const { return paths_; }
    // Where the interrupted run got to; nullopt for new parts.
    const std::optional<RunPosition>& resumed_from() const { return resumed_from_; }

    // Deletes the work folder (once the parts are merged). It is renamed first, so a run
    // killed while deleting never leaves a folder that looks like an interrupted run with
    // some of its parts half gone.
    void discard();

  private:
    std::string work_;
    WorkFolderLock lock_;  // held while this run uses work_
    std::vector<std::string> paths_;
    std::optional<RunPosition> resumed_from_;
};

}  // namespace gazette
