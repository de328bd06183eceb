#include "indexer/bulk/scratch_parts.h"

#include <xapian.h>

#include <filesystem>
#include <iostream>

#include "indexer/bulk/segment_consolidation.h"
#include "indexer/bulk/segments.h"

namespace gazette {

namespace fs = std::filesystem;

namespace {

// The on-disk name of part i (see the header on why it says "shard").
fs::path part_path(const fs::path& work, std::size_t i) {
    return work / ("shard-" + std::to_string(i));
}

std::string discarded_name(const std::string& work) {
    return work + ".discarded";
}

std::vector<std::string> existing_parts(const fs::path& work) {
    std::vector<std::string> parts;
    for (std::size_t i = 0;; ++i) {
        fs::path p = part_path(work, i);
        if (!fs::exists(p))
            break;
        parts.push_back(p.string());
    }
    return parts;
}

}  // namespace

std::string work_folder_of(const std::string& db_path) {
    return db_path + ".gazette-work";
}

void remove_discarded_work_folder(const std::string& work) {
    fs::remove_all(discarded_name(work));
}

bool ScratchParts::resume(const std::string& plan_id, std::size_t count) {
    std::error_code ec;
    if (fs::exists(work_, ec)) {
        lock_ = WorkFolderLock(work_);  // refused while another run uses it
        recover_segment_rolls(work_);
        recover_consolidations(work_);
    }
    std::vector<std::string> found = existing_parts(work_);
    if (found.empty())
        return false;
    if (count == 0 || found.size() == count) {
        if (auto p = resume_position(found, plan_id)) {
            resumed_from_ = *p;
            paths_ = std::move(found);
            return true;
        }
    }
    // Parts without a position may belong to a run still writing its first batch: make
    // sure no writer holds them (DatabaseLockError, "locked by another writer") before
    // deleting them under its feet.
    for (const auto& part : found)
        Xapian::WritableDatabase(part, Xapian::DB_OPEN).close();
    std::cerr << "gazette-index: note: discarding " << work_
              << ", left by an interrupted run of other inputs\n";
    discard();
    return false;
}

void ScratchParts::create(std::size_t count) {
    fs::create_directories(work_);
    // resume() holds the lock already when the folder was there without parts (a run killed
    // before its first writer made its database): locking it again would be refused.
    if (!lock_.held())
        lock_ = WorkFolderLock(work_);
    paths_.clear();
    for (std::size_t i = 0; i < count; ++i)
        paths_.push_back(part_path(work_, i).string());
}

void ScratchParts::discard() {
    std::string doomed = discarded_name(work_);
    fs::remove_all(doomed);
    std::error_code ec;
    if (fs::exists(work_, ec)) {
        fs::rename(work_, doomed);
        fs::remove_all(doomed);
    }
    lock_ = WorkFolderLock();
}

}  // namespace gazette
