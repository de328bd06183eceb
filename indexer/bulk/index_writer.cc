#include "indexer/bulk/index_writer.h"

#include <iostream>

#include "common/errors.h"
#include "common/fields.h"
#include "common/schema.h"

namespace gazette {
namespace {

void check_schema(Xapian::WritableDatabase& db, const std::string& path) {
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

}  // namespace

IndexWriter::IndexWriter(IndexWriterOptions options)
    : options_(std::move(options)),
      db_(options_.db_path, Xapian::DB_CREATE_OR_OPEN),
      builder_(&db_),
      progress_(options_.progress, options_.total_input_bytes) {
    check_schema(db_, options_.db_path);
}

void IndexWriter::accept(Article&& article, const std::string& /*where*/) {
    if (article.source.empty())
        article.source = options_.default_source;
    std::string term = id_term(article.id);
    Xapian::Document doc = builder_.build(article);
    if (db_.term_exists(term)) {
        ++stats_.replaced;
    } else {
        ++stats_.added;
    }
    db_.replace_document(term, doc);
    std::uint64_t size = article.title.size() + article.body.size();
    stats_.text_bytes += size;
    pending_bytes_ += size;
    bytes_in_current_file_ += size;
    if (pending_bytes_ >= options_.batch_bytes)
        commit();
    progress_.update(stats_.added + stats_.replaced, bytes_of_done_files_ + bytes_in_current_file_);
}

void IndexWriter::reject(const std::string& where, const std::string& reason) {
    ++stats_.rejected;
    progress_.finish();
    std::cerr << "gazette-index: rejected " << where << ": " << reason << "\n";
}

void IndexWriter::warn(const std::string& where, const std::string& message) {
    ++stats_.warnings;
    progress_.finish();
    std::cerr << "gazette-index: warning: " << where << ": " << message << "\n";
}

void IndexWriter::skip(const std::string& /*where*/, const std::string& /*reason*/) {
    // Counted, not printed: a crawl holds a request and metadata record for every page,
    // and one line each would bury the rejects. The summary gives the count.
    ++stats_.skipped_records;
}

void IndexWriter::file_done(std::uintmax_t file_bytes) {
    bytes_of_done_files_ += file_bytes;
    bytes_in_current_file_ = 0;
    progress_.update(stats_.added + stats_.replaced, bytes_of_done_files_);
}

void IndexWriter::commit() {
    // One commit per batch: Xapian writes the batch's changes out together, which is far
    // cheaper than small commits, and a reader never sees half a batch.
    db_.commit();
    ++stats_.commits;
    pending_bytes_ = 0;
}

void IndexWriter::finish() {
    commit();
    progress_.finish();
}

}  // namespace gazette
