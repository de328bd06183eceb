// Something that follows a run batch by batch, in the reader thread: it sees every article
// sent to the writers, adds metadata to each writer's commit of the batch, and hears when
// the commit is durable. Standing-query alerts are one (alerts/alert_run.h).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/article.h"
#include "indexer/bulk/commit_barrier.h"

namespace gazette {

// Metadata set in the same commit as a batch's documents; an empty value deletes the key.
using CommitMetadata = std::vector<std::pair<std::string, std::string>>;

class BatchListener {
  public:
    virtual ~BatchListener() = default;
    // Before any reading: the databases the writers write (writer i writes writer_dbs[i]) and
    // the target of the run (which may be one of them, or where merged parts go).
    virtual void start(const std::vector<std::string>& writer_dbs, const std::string& target) = 0;
    // An article sent to writer `writer` (its index in writer_dbs, or in the writers added
    // since: a year-sharded run adds one per new year) in the current batch.
    virtual void article(const Article& article, std::size_t writer) = 0;
    // The batch ends: what writer i commits with it (one entry per writer), and the barrier
    // that says when every writer has committed it.
    virtual std::vector<CommitMetadata> before_commit(std::size_t writers,
                                                      std::shared_ptr<CommitBarrier> barrier) = 0;
    // After the last commit, once the writers have closed their databases (before merging).
    virtual void finish(const std::vector<std::string>& writer_dbs) = 0;
};

}  // namespace gazette
