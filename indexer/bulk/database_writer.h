// One writer thread and the database it alone writes: a scratch part of a merged run, a shard
// of a sharded database, or the target itself for an in-place update. It builds each article's
// document, replaces it by its unique id term, and commits when the reader says a batch is
// complete, storing the run position with the commit (run_progress.h).
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <exception>
#include <string>
#include <thread>
#include <variant>

#include "common/article.h"
#include "indexer/bulk/batch_listener.h"
#include "indexer/bulk/free_space.h"
#include "indexer/bulk/work_queue.h"
#include "indexer/document_builder.h"

namespace gazette {

struct CommitAt {
    std::string position;     // encoded RunPosition stored with the commit ("" clears it)
    bool last = false;        // the writer stops after this commit
    CommitMetadata metadata;  // set in the same commit (batch_listener.h)
    std::shared_ptr<CommitBarrier> done;  // told when the commit is durable (or failed)
};

// Delete the article with this id if this database holds it: the article went to another
// shard this time (a year-sharded database, after its date changed).
struct DropId {
    std::string id;
};

using WriterTask = std::variant<Article, CommitAt, DropId>;

struct WriterStats {
    std::uint64_t added = 0;      // ids new to this database
    std::uint64_t replaced = 0;   // ids it held already
    std::uint64_t moved_out = 0;  // ids deleted here because they went to another shard
    // Articles not written because the database holds a higher version of their id.
    std::uint64_t older_versions = 0;
    std::uint64_t commits = 0;
    std::uint64_t segments = 0;  // segments sealed (segments.h)
};

// What a writer writes, which decides how it commits and records spelling data:
// - kBuild: a database being built from nothing: a scratch part of a merged run (until the
//   merge), or a new shard (until the run ends). Spelling data comes from its whole
//   vocabulary at its last commit (much cheaper than per word, vocabulary_spelling.h), and
//   commits are not synced to disk (DB_NO_SYNC): a killed process loses nothing the kernel
//   holds, and only a machine crash could, after which the run starts over.
// - kInPlace: a database that holds articles already (the target, or a finished shard).
//   Spelling data per document as it is indexed, and Xapian's synced commits.
enum class WriterRole { kBuild, kInPlace };

class DatabaseWriter {
  public:
    // Opens or creates the database at `path` and checks (or records) the schema version.
    // Throws like Xapian::WritableDatabase does (DatabaseLockError when another writer has it).
    // `reserve_bytes`: free space the filesystem must keep before each document and commit
    // (free_space.h): at least a commit's worth of blocks for every writer sharing the disk.
    // `segment_bytes` (kBuild only; 0: never): after a commit, once this much article text
    // went into the current database, seal it and continue in a new one (segments.h).
    DatabaseWriter(const std::string& path, WriterRole role,
                   std::uintmax_t reserve_bytes = kCommitReserveBytes,
                   std::uint64_t segment_bytes = 0);
    ~DatabaseWriter();

    void start();
    void send(WriterTask task) { queue_.push(std::move(task)); }
    // Waits for the thread to finish its last commit; rethrows what it failed with.
    void join();
    // True once the thread has failed (disk full, I/O error): the reader can stop early.
    bool failed() const { return failed_.load(); }

    const WriterStats& stats() const { return stats_; }  // valid after join()
    Xapian::WritableDatabase& database() { return db_; }

  private:
    void run();
    void roll_segment(const std::string& position);

    Xapian::WritableDatabase db_;
    std::string path_;
    WriterRole role_;
    std::uintmax_t reserve_bytes_;
    std::uint64_t segment_bytes_;
    std::uint64_t segment_text_bytes_ = 0;  // article text in the current segment
    DocumentBuilder builder_;
    WorkQueue<WriterTask> queue_;
    WriterStats stats_;
    std::thread thread_;
    std::atomic<bool> failed_{false};
    std::exception_ptr error_;
};

// The version a stored document carries (kSlotVersion), 0 when none.
double stored_version(const Xapian::Document& doc);

// True when `db` holds the id of `id_term` at a version above `version`: then an article of
// that version must not replace it (NewsML-G2: an older version never overwrites a newer).
bool newer_version_held(const Xapian::Database& db, const std::string& id_term,
                        std::uint64_t version);

// Checks the schema version recorded in a database we are about to write, or records ours
// in a new one. Throws UsageError for a database of another schema or not made by us.
void check_or_record_schema(Xapian::WritableDatabase& db, const std::string& path);

}  // namespace gazette
