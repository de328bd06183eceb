// The reading side of a run: receives what the readers produce, numbers every record of
// each file (so a position in the input is stable from run to run), passes over records a
// resumed run has already indexed, sends each article to the writer its routing picks (the
// hash of its id, or its year; writer_routing.h) and tells writers that may hold the id
// elsewhere to drop it, and tells every writer to commit after each batch of --batch-mb of
// text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "indexer/bulk/batch_listener.h"
#include "indexer/bulk/database_writer.h"
#include "indexer/bulk/progress.h"
#include "indexer/bulk/run_progress.h"
#include "indexer/bulk/writer_pool.h"
#include "indexer/bulk/writer_routing.h"
#include "indexer/readers/article_sink.h"

namespace gazette {

struct ReadStats {
    std::uint64_t articles = 0;  // sent to the writers in this run
    std::uint64_t rejected = 0;
    std::uint64_t warnings = 0;
    std::uint64_t skipped_records = 0;  // sound records that are not articles
    std::uint64_t text_bytes = 0;       // headline + body bytes sent
    std::uint64_t replayed = 0;         // records passed over because a resumed run had them
};

class RecordRouter : public ArticleSink {
  public:
    // `clear_when_done`: the last commit clears the stored position instead of marking the
    // run complete (in place, a finished run leaves nothing to resume; scratch parts
    // keep "complete" until they are merged).
    // `pool` and `routing` must outlive the router; routing may add writers to the pool.
    RecordRouter(WriterPool& pool, WriterRouting& routing, std::uint64_t batch_bytes,
                 std::string plan_id, RunPosition resume_from, std::string default_source,
                 ProgressLine& progress, bool clear_when_done);

    // Each input file is read between begin_file and end_file.
    void begin_file(std::size_t index);
    void end_file(std::uintmax_t file_bytes);
    // Sends the final commit to every writer.
    void finish();

    void accept(Article&& article, const std::string& where) override;
    void reject(const std::string& where, const std::string& reason) override;
    void warn(const std::string& where, const std::string& message) override;
    void skip(const std::string& where, const std::string& reason) override;

    // Follows the batches (alerts); null for none. Must outlive the router.
    void set_listener(BatchListener* listener) { listener_ = listener; }

    const ReadStats& stats() const { return stats_; }
    bool writers_failed() const;

  private:
    // True when the record just counted was indexed by the run being resumed.
    bool count_record();
    void commit_all(bool last);

    WriterPool& pool_;
    WriterRouting& routing_;
    std::vector<std::size_t> drop_from_;  // reused by accept()
    std::uint64_t batch_bytes_;
    std::string plan_id_;
    RunPosition resume_from_;
    std::string default_source_;
    ProgressLine& progress_;
    bool clear_when_done_;
    ReadStats stats_;
    std::size_t file_ = 0;
    std::uint64_t record_ = 0;  // records of the current file counted so far
    std::uint64_t pending_bytes_ = 0;
    std::uintmax_t bytes_of_done_files_ = 0;
    std::uintmax_t bytes_in_current_file_ = 0;
    BatchListener* listener_ = nullptr;
};

}  // namespace gazette
