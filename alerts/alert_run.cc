#include "alerts/alert_run.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "common/fields.h"
#include "indexer/bulk/database_writer.h"
#include "indexer/bulk/version_rule.h"

namespace gazette {
namespace {

constexpr char kSeparator = '\x1f';  // between name and id in keys: in neither of them

std::string pair_key(const std::string& name, const std::string& id) {
    return name + kSeparator + id;
}

std::vector<std::string> keys_with_prefix(const Xapian::Database& db, const std::string& prefix) {
    std::vector<std::string> keys;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
        keys.push_back((*it).substr(prefix.size()));
    return keys;
}

bool is_database(const std::string& path) {
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

}  // namespace

AlertRun::AlertRun(std::vector<StandingQuery> queries, std::unique_ptr<AlertSink> sink)
    : matcher_(std::move(queries)), sink_(std::move(sink)) {}

void AlertRun::start(const std::vector<std::string>& writer_dbs, const std::string& target) {
    writer_dbs_ = writer_dbs;
    // What earlier runs (a --watch process makes one per file) left is committed now.
    kept_version_.clear();
    target_ = target;
    // A target that is one of the writers' databases is read as that writer's.
    read_target_ = std::find(writer_dbs.begin(), writer_dbs.end(), target) == writer_dbs.end();
    readers_.assign(writer_dbs.size() + 1, std::nullopt);
    // What fired before: the target (earlier runs; merged shards bring theirs into it) and
    // the writers' databases (a resumed run's committed batches, or the shards themselves).
    std::vector<std::string> sources = writer_dbs;
    if (std::find(sources.begin(), sources.end(), target) == sources.end() && is_database(target))
        sources.push_back(target);
    for (const auto& path : sources) {
        if (!is_database(path))
            continue;
        Xapian::Database db(path);
        for (auto& key : keys_with_prefix(db, kAlertedPrefix))
            fired_.insert(std::move(key));
    }
    // Lines committed but perhaps never emitted: emit those the output file lacks.
    leftover_keys_.assign(writer_dbs.size(), {});
    std::vector<std::string> lines;
    auto delivered = sink_->delivered();
    for (std::size_t i = 0; i < writer_dbs.size(); ++i) {
        if (!is_database(writer_dbs[i]))
            continue;
        Xapian::Database db(writer_dbs[i]);
        for (auto& key : keys_with_prefix(db, kAlertOutboxPrefix)) {
            std::string line = db.get_metadata(kAlertOutboxPrefix + key);
            auto sep = key.find(kSeparator);
            if (sep != std::string::npos &&
                !delivered.count({key.substr(0, sep), key.substr(sep + 1)}) && !line.empty())
                lines.push_back(std::move(line));
            leftover_keys_[i].push_back(std::move(key));
        }
    }
    sink_->emit(lines);
    stats_.emitted += lines.size();
    stats_.reemitted += lines.size();
}

std::optional<double> AlertRun::version_in(std::size_t reader, const std::string& term) {
    const std::string& path = reader < writer_dbs_.size() ? writer_dbs_[reader] : target_;
    if (!is_database(path))
        return std::nullopt;  // a shard new in this run (a new year), or a new target
    auto& db = readers_[reader];
    // The writers commit while we read; a revision two commits old can be reused under us
    // (DatabaseModifiedError), and a newer one only adds what this run sent, which
    // kept_version_ knows already.
    for (int attempt = 0;; ++attempt) {
        try {
            if (!db)
                db.emplace(path);
            Xapian::PostingIterator p = db->postlist_begin(term);
            if (p == db->postlist_end(term))
                return std::nullopt;
            return stored_version(db->get_document(*p));
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 3)
                throw;
            db->reopen();
        }
    }
}

std::optional<double> AlertRun::committed_version(std::size_t writer, const std::string& id) {
    // The target holds what a merged run's parts do not (they are merged into it after the
    // run, where the same rule keeps the higher version); the writer's own database holds
    // what a resumed run committed before it was interrupted.
    std::string term = id_term(id);
    std::optional<double> held;
    if (writer < writer_dbs_.size())  // not a writer added in this run (a new year's shard)
        held = version_in(writer, term);
    if (read_target_) {
        if (auto v = version_in(writer_dbs_.size(), term); v && (!held || *v > *held))
            held = v;
    }
    return held;
}

bool AlertRun::older_than_kept(const Article& article, std::size_t writer) {
    auto it = kept_version_.find(article.id);
    std::optional<double> held = it != kept_version_.end() ? std::optional<double>(it->second)
                                                           : committed_version(writer, article.id);
    if (held && older_than_held(article.version, *held))
        return true;
    kept_version_[article.id] = static_cast<double>(article.version);
    return false;
}

void AlertRun::article(const Article& article, std::size_t writer) {
    if (older_than_kept(article, writer)) {
        ++stats_.not_indexed;
        return;
    }
    batch_.push_back(article);
    writer_of_[article.id] = writer;
}

std::vector<AlertRun::Pending> AlertRun::deliver_committed() {
    std::vector<Pending> done;
    if (!pending_commit_)
        return done;
    bool committed = pending_commit_->wait();
    pending_commit_.reset();
    // A failed commit fails the run; its matches are neither durable nor emitted.
    if (committed) {
        std::vector<std::string> lines;
        for (const auto& p : pending_)
            lines.push_back(p.line);
        sink_->emit(lines);
        stats_.emitted += lines.size();
        done = std::move(pending_);
    }
    pending_.clear();
    return done;
}

std::vector<CommitMetadata> AlertRun::before_commit(std::size_t writers,
                                                    std::shared_ptr<CommitBarrier> barrier) {
    std::vector<CommitMetadata> metadata(writers);
    // The previous batch: emitted now that it is durable, its outbox cleared by this commit.
    for (const auto& p : deliver_committed())
        metadata[p.writer].emplace_back(kAlertOutboxPrefix + p.key, "");
    // Writers only ever join (a new year's shard), so start()'s indexes still hold.
    for (std::size_t i = 0; i < leftover_keys_.size() && i < writers; ++i) {
        for (const auto& key : leftover_keys_[i])
            metadata[i].emplace_back(kAlertOutboxPrefix + key, "");
    }
    leftover_keys_.clear();

    for (auto& alert : matcher_.match(batch_)) {
        std::string key = pair_key(alert.name, alert.id);
        if (!fired_.insert(key).second) {
            ++stats_.suppressed;
            continue;
        }
        Pending p{key, writer_of_.at(alert.id), alert_to_json(alert)};
        auto& mine = metadata[p.writer];
        mine.emplace_back(kAlertedPrefix + key, "1");
        mine.emplace_back(kAlertOutboxPrefix + key, p.line);
        pending_.push_back(std::move(p));
    }
    batch_.clear();
    writer_of_.clear();
    pending_commit_ = std::move(barrier);
    return metadata;
}

void AlertRun::finish(const std::vector<std::string>& writer_dbs) {
    deliver_committed();
    // The last batch's outbox entries: no commit follows to clear them, so clear them here,
    // before the shards are merged.
    for (const auto& path : writer_dbs) {
        if (!is_database(path))
            continue;
        Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
        bool any = false;
        for (const auto& key : keys_with_prefix(db, kAlertOutboxPrefix)) {
            db.set_metadata(kAlertOutboxPrefix + key, "");
            any = true;
        }
        if (any)
            db.commit();
    }
}

}  // namespace gazette
