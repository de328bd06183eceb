#include "indexer/bulk/database_writer.h"

#include <filesystem>

#include "common/errors.h"
#include "common/fields.h"
#include "common/schema.h"
#include "common/slots.h"
#include "indexer/bulk/free_space.h"
#include "indexer/bulk/run_progress.h"
#include "indexer/bulk/segments.h"
#include "indexer/bulk/version_rule.h"
#include "indexer/bulk/vocabulary_spelling.h"

namespace gazette {
namespace {

// Articles waiting per writer: enough to keep it busy, small enough to bound memory.
constexpr std::size_t kQueueCapacity = 512;

}  // namespace

double stored_version(const Xapian::Document& doc) {
    std::string value = doc.get_value(kSlotVersion);
    return value.empty() ? 0 : Xapian::sortable_unserialise(value);
}

bool newer_version_held(const Xapian::Database& db, const std::string& id_term,
                        std::uint64_t version) {
    if (version == 0)
        return false;  // an unversioned record replaces whatever the id holds, as always
    Xapian::PostingIterator p = db.postlist_begin(id_term);
    return p != db.postlist_end(id_term) &&
           older_than_held(version, stored_version(db.get_document(*p)));
}

void check_or_record_schema(Xapian::WritableDatabase& db, const std::string& path) {
    std::string version = db.get_metadata(kSchemaVersionKey);
    if (version.empty()) {
        if (db.get_doccount() != 0) {
            throw UsageError("database " + path +
                             " was not made by gazette-index (no schema version)");
        }
        db.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
        return;
    }
    if (version != std::to_string(kSchemaVersion)) {
        throw UsageError("database " + path + " has schema version " + version +
                         "; this gazette-index writes version " + std::to_string(kSchemaVersion));
    }
}

DatabaseWriter::DatabaseWriter(const std::string& path, WriterRole role,
                               std::uintmax_t reserve_bytes, std::uint64_t segment_bytes)
    : db_(path, Xapian::DB_CREATE_OR_OPEN | (role == WriterRole::kBuild ? Xapian::DB_NO_SYNC : 0)),
      path_(path),
      role_(role),
      reserve_bytes_(reserve_bytes),
      segment_bytes_(role == WriterRole::kBuild ? segment_bytes : 0),
      builder_(role == WriterRole::kInPlace ? &db_ : nullptr),
      queue_(kQueueCapacity) {
    check_or_record_schema(db_, path);
}

DatabaseWriter::~DatabaseWriter() {
    if (thread_.joinable()) {
        send(CommitAt{"", true, {}, nullptr});
        thread_.join();
    }
}

void DatabaseWriter::start() {
    thread_ = std::thread([this] { run(); });
}

void DatabaseWriter::join() {
    if (thread_.joinable())
        thread_.join();
    if (error_)
        std::rethrow_exception(error_);
}

void DatabaseWriter::run() {
    for (;;) {
        WriterTask task = queue_.pop();
        if (auto* commit = std::get_if<CommitAt>(&task)) {
            if (!failed_) {
                try {
                    // The position goes into the same commit as the documents it covers, so
                    // after a crash the database says exactly how far it got.
                    require_free_space(path_, reserve_bytes_);
                    bool roll = !commit->last && segment_bytes_ > 0 &&
                                segment_text_bytes_ >= segment_bytes_;
                    db_.set_metadata(kProgressKey, commit->position);
                    for (const auto& [key, value] : commit->metadata)
                        db_.set_metadata(key, value);
                    // A segment's spelling data goes into its last commit: sealed, it is
                    // never written again.
                    if ((commit->last || roll) && role_ == WriterRole::kBuild) {
                        add_spelling_from_vocabulary(db_);
                    }
                    db_.commit();
                    ++stats_.commits;
                    if (roll)
                        roll_segment(commit->position);
                } catch (...) {
                    error_ = std::current_exception();
                    failed_ = true;
                }
            }
            if (commit->done)
                commit->done->arrive(!failed_);
            if (commit->last)
                return;
            continue;
        }
        if (failed_)
            continue;  // keep draining so the reader never blocks on a dead writer
        try {
            // Xapian writes blocks while documents are added, not only at commit; stopping
            // before the disk is full keeps its out-of-space paths (which can abort) unreached.
            require_free_space(path_, reserve_bytes_);
            if (const auto* drop = std::get_if<DropId>(&task)) {
                std::string term = id_term(drop->id);
                if (db_.term_exists(term)) {
                    db_.delete_document(term);
                    ++stats_.moved_out;
                }
                continue;
            }
            const Article& article = std::get<Article>(task);
            segment_text_bytes_ += article.title.size() + article.body.size();
            std::string term = id_term(article.id);
            if (db_.term_exists(term)) {
                if (newer_version_held(db_, term, article.version)) {
                    ++stats_.older_versions;
                    continue;
                }
                ++stats_.replaced;
            } else {
                ++stats_.added;
            }
            db_.replace_document(term, builder_.build(article));
        } catch (...) {
            error_ = std::current_exception();
            failed_ = true;
        }
    }
}

void DatabaseWriter::roll_segment(const std::string& position) {
    namespace fs = std::filesystem;
    // The next segment, made aside and complete before anything is renamed: it starts at
    // the position just committed, so a run killed from here on resumes from there, with
    // or without the renames done (recover_segment_rolls finishes them).
    std::string scratch = next_segment_scratch_path(path_);
    fs::remove_all(scratch);
    {
        Xapian::WritableDatabase next(scratch, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        check_or_record_schema(next, scratch);
        next.set_metadata(kProgressKey, position);
        next.commit();
    }
    fs::rename(scratch, next_segment_path(path_));
    db_.close();
    fs::rename(path_, next_sealed_name(path_));
    fs::rename(next_segment_path(path_), path_);
    db_ = Xapian::WritableDatabase(path_, Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
    segment_text_bytes_ = 0;
    ++stats_.segments;
}

}  // namespace gazette
