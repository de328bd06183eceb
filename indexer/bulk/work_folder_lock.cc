#include "indexer/bulk/work_folder_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace gazette {

WorkFolderLock::WorkFolderLock(const std::string& work) {
    fd_ = ::open(work.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) {
        throw Xapian::DatabaseOpeningError("cannot open " + work + ": " + std::strerror(errno));
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        int err = errno;
        ::close(fd_);
        fd_ = -1;
        throw Xapian::DatabaseLockError(
            "Unable to get write lock on " + work + ": " +
            (err == EWOULDBLOCK ? "already locked" : std::strerror(err)));
    }
}

WorkFolderLock::~WorkFolderLock() {
    if (fd_ >= 0)
        ::close(fd_);  // drops the flock
}

WorkFolderLock::WorkFolderLock(WorkFolderLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)) {}

WorkFolderLock& WorkFolderLock::operator=(WorkFolderLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

}  // namespace gazette
