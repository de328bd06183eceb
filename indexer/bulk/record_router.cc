#include "indexer/bulk/record_router.h"

#include <iostream>

namespace gazette {

std::size_t writer_for_id(const std::string& id, std::size_t writers) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : id) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return static_cast<std::size_t>(h % writers);
}

RecordRouter::RecordRouter(std::vector<ShardWriter*> writers, std::uint64_t batch_bytes,
                           std::string plan_id, RunPosition resume_from, std::string default_source,
                           ProgressLine& progress, bool clear_when_done)
    : writers_(std::move(writers)),
      batch_bytes_(batch_bytes),
      plan_id_(std::move(plan_id)),
      resume_from_(resume_from),
      default_source_(std::move(default_source)),
      progress_(progress),
      clear_when_done_(clear_when_done) {}

void RecordRouter::begin_file(std::size_t index) {
    file_ = index;
    record_ = 0;
    bytes_in_current_file_ = 0;
}

void RecordRouter::end_file(std::uintmax_t file_bytes) {
    bytes_of_done_files_ += file_bytes;
    bytes_in_current_file_ = 0;
    progress_.update(stats_.articles, bytes_of_done_files_);
}

bool RecordRouter::count_record() {
    ++record_;
    return file_ == resume_from_.file && record_ <= resume_from_.record;
}

bool RecordRouter::writers_failed() const {
    for (const auto* w : writers_) {
        if (w->failed())
            return true;
    }
    return false;
}

void RecordRouter::commit_all(bool last) {
    RunPosition here;
    here.file = file_;
    here.record = record_;
    here.complete = last;
    // An empty position deletes the stored one: nothing to resume (stdin cannot be re-read).
    std::string position =
        plan_id_.empty() || (last && clear_when_done_) ? "" : encode_position(plan_id_, here);
    std::shared_ptr<CommitBarrier> barrier;
    std::vector<CommitMetadata> metadata(writers_.size());
    if (listener_) {
        barrier = std::make_shared<CommitBarrier>(writers_.size());
        metadata = listener_->before_commit(writers_.size(), barrier);
    }
    for (std::size_t i = 0; i < writers_.size(); ++i)
        writers_[i]->send(CommitAt{position, last, std::move(metadata[i]), barrier});
    pending_bytes_ = 0;
}

void RecordRouter::finish() {
    commit_all(true);
}

void RecordRouter::accept(Article&& article, const std::string& /*where*/) {
    if (count_record()) {
        ++stats_.replayed;
        return;
    }
    if (article.source.empty())
        article.source = default_source_;
    std::uint64_t size = article.title.size() + article.body.size();
    stats_.text_bytes += size;
    ++stats_.articles;
    std::size_t target = writer_for_id(article.id, writers_.size());
    if (listener_)
        listener_->article(article);
    writers_[target]->send(std::move(article));
    pending_bytes_ += size;
    bytes_in_current_file_ += size;
    // The commit point lies after this record: every writer's commit covers all it was sent.
    if (pending_bytes_ >= batch_bytes_)
        commit_all(false);
    progress_.update(stats_.articles, bytes_of_done_files_ + bytes_in_current_file_);
}

void RecordRouter::reject(const std::string& where, const std::string& reason) {
    if (count_record())
        return;  // reported by the run that read it first
    ++stats_.rejected;
    progress_.finish();
    std::cerr << "gazette-index: rejected " << where << ": " << reason << "\n";
}

void RecordRouter::warn(const std::string& where, const std::string& message) {
    ++stats_.warnings;
    progress_.finish();
    std::cerr << "gazette-index: warning: " << where << ": " << message << "\n";
}

void RecordRouter::skip(const std::string& /*where*/, const std::string& /*reason*/) {
    // WARC crawls hold a request and a metadata record for every page: one line each would
    // bury the rejects, so they are counted for the summary only.
    if (count_record())
        return;
    ++stats_.skipped_records;
}

}  // namespace gazette
