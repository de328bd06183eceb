#include "alerts/alert_run.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

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

void AlertRun::article(const Article& article, std::size_t writer) {
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
