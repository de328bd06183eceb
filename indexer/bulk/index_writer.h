// The writing end of gazette-index: receives articles from the readers, replaces each by its
// unique id term, commits in batches by size, and keeps the counts for the summary.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>

#include "indexer/bulk/progress.h"
#include "indexer/document_builder.h"
#include "indexer/readers/article_sink.h"

namespace gazette {

struct IndexWriterOptions {
    std::string db_path;
    std::uint64_t batch_bytes = 4ull << 20;  // commit after this much article text
    std::string default_source;              // for records without a source
    bool progress = false;                   // draw a progress line on stderr
    std::uintmax_t total_input_bytes = 0;    // for the progress ETA
};

struct IndexStats {
    std::uint64_t added = 0;     // ids new to the database
    std::uint64_t replaced = 0;  // ids that were there already (or earlier in this run)
    std::uint64_t rejected = 0;  // records or files that could not be used
    std::uint64_t warnings = 0;  // repaired input (e.g. Latin-1 decoded)
    // Sound records that are not articles (WARC requests, images): counted, not printed.
    std::uint64_t skipped_records = 0;
    std::uint64_t commits = 0;
    std::uint64_t text_bytes = 0;  // headline + body bytes indexed
};

class IndexWriter : public ArticleSink {
  public:
    // Opens or creates the database. Throws UsageError for a database of a newer schema;
    // Xapian::DatabaseLockError when another writer holds it.
    explicit IndexWriter(IndexWriterOptions options);

    void accept(Article&& article, const std::string& where) override;
    void reject(const std::string& where, const std::string& reason) override;
    void warn(const std::string& where, const std::string& message) override;
    void skip(const std::string& where, const std::string& reason) override;

    // A whole input file is done: its bytes count towards progress.
    void file_done(std::uintmax_t file_bytes);
    // Commits what is pending. Call once at the end; nothing is durable before a commit.
    void finish();

    const IndexStats& stats() const { return stats_; }
    Xapian::doccount document_count() const { return db_.get_doccount(); }

  private:
    void commit();

    IndexWriterOptions options_;
    Xapian::WritableDatabase db_;
    DocumentBuilder builder_;
    IndexStats stats_;
    std::uint64_t pending_bytes_ = 0;
    std::uintmax_t bytes_of_done_files_ = 0;
    std::uintmax_t bytes_in_current_file_ = 0;
    ProgressLine progress_;
};

}  // namespace gazette
