#include "indexer/bulk/record_router.h"

#include <iostream>

namespace gazette {

RecordRouter::RecordRouter(WriterPool& pool, WriterRouting& routing, std::uint64_t batch_bytes,
                           std::string plan_id, RunPosition resume_from, std::string default_source,
                           ProgressLine& progress, bool clear_when_done)
    : pool_(pool),
      routing_(routing),
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
    for (const auto* w : pool_.writers()) {
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
    const auto& writers = pool_.writers();
    std::vector<CommitMetadata> metadata(writers.size());
    if (listener_) {
        barrier = std::make_shared<CommitBarrier>(writers.size());
        metadata = listener_->before_commit(writers.size(), barrier);
    }
    for (std::size_t i = 0; i < writers.size(); ++i)
        writers[i]->send(CommitAt{position, last, std::move(metadata[i]), barrier});
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
    drop_from_.clear();
    std::size_t target = routing_.route(article, drop_from_);
    if (listener_)
        listener_->article(article, target);
    // The drop and the new copy are committed with the same batch; if the run dies between
    // two shards' commits, the resumed run starts before the shard that is behind and
    // sends both again.
    for (std::size_t other : drop_from_)
        pool_.writers()[other]->send(DropId{article.id});
    pool_.writers()[target]->send(std::move(article));
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
