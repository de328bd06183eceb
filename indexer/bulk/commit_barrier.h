// Lets the reader know when every writer has committed a batch: each writer arrives once per
// commit (successful or not), and wait() returns true when all of them committed. Alerts use
// it to emit a batch's matches only once the batch is durable (docs/alerts.md).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace gazette {

class CommitBarrier {
  public:
    explicit CommitBarrier(std::size_t writers) : remaining_(writers) {}

    void arrive(bool committed) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!committed)
            failed_ = true;
        if (remaining_ > 0 && --remaining_ == 0)
            done_.notify_all();
    }

    // True when every writer committed; false when one failed.
    bool wait() {
        std::unique_lock<std::mutex> lock(mutex_);
        done_.wait(lock, [this] { return remaining_ == 0; });
        return !failed_;
    }

  private:
    std::mutex mutex_;
    std::condition_variable done_;
    std::size_t remaining_;
    bool failed_ = false;
};

}  // namespace gazette
