// The scratch folder of a merged run is its run's alone: an exclusive flock on the folder,
// held until the run ends (or the process dies: the kernel drops it), keeps a second
// gazette-index from repairing or deleting segments under a live run's feet.
#pragma once

#include <string>

namespace gazette {

class WorkFolderLock {
  public:
    WorkFolderLock() = default;
    // Locks the existing folder `work`; throws Xapian::DatabaseLockError if another process
    // holds it (the message main() prints for a database another writer has).
    explicit WorkFolderLock(const std::string& work);
    ~WorkFolderLock();
    WorkFolderLock(WorkFolderLock&& other) noexcept;
    WorkFolderLock& operator=(WorkFolderLock&& other) noexcept;
    WorkFolderLock(const WorkFolderLock&) = delete;
    WorkFolderLock& operator=(const WorkFolderLock&) = delete;

    // True while it holds a folder. A second lock of the same folder is refused even in the
    // same process (flock is per open file).
    bool held() const { return fd_ >= 0; }

  private:
    int fd_ = -1;
};

}  // namespace gazette
