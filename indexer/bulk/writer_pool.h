// The writer threads of a run and the databases they write, one writer per database. A run
// starts with some; a year-sharded run adds one whenever an article of a new year arrives.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "indexer/bulk/database_writer.h"

namespace gazette {

class WriterPool {
  public:
    // `reserve_bytes`: free space each writer keeps (free_space.h). `segment_bytes`: the
    // segment size of kBuild writers (database_writer.h; 0: one database each).
    explicit WriterPool(std::uintmax_t reserve_bytes, std::uint64_t segment_bytes = 0)
        : reserve_bytes_(reserve_bytes), segment_bytes_(segment_bytes) {}

    // Opens `path`, starts its writer thread; returns its index among writers().
    std::size_t add(const std::string& path, WriterRole role);

    const std::vector<DatabaseWriter*>& writers() const { return raw_; }
    const std::vector<std::string>& paths() const { return paths_; }
    std::size_t size() const { return raw_.size(); }

    // Waits for every writer's last commit; rethrows the first failure.
    void join_all();
    // The writers' counts added up (after join_all).
    WriterStats totals() const;
    // Closes every database (before merging or syncing them).
    void close();

  private:
    std::uintmax_t reserve_bytes_;
    std::uint64_t segment_bytes_;
    std::vector<std::unique_ptr<DatabaseWriter>> owned_;
    std::vector<DatabaseWriter*> raw_;
    std::vector<std::string> paths_;
};

}  // namespace gazette
