// Standing-query alerts during an indexing run (gazette-index --alerts FILE), exactly once
// per (standing query, article id), across re-indexing and interrupted runs:
//
// - Each batch's articles are matched when the batch ends, in the reader thread, before
//   its commit is sent. New matches are recorded in the commit itself, in the database of
//   the writer that holds the article, its hash shard or its year's shard (so "fired" and
//   "indexed" become durable together):
//   "gazette:alerted:<name>\x1f<id>" (never fires again) and an outbox entry
//   "gazette:alert-outbox:<name>\x1f<id>" holding the line.
// - Lines are emitted only after every writer has committed the batch (CommitBarrier), so
//   an alert is never emitted for a batch that a crash then undoes. The next commit clears
//   the outbox entries that were emitted; the last batch's are cleared by finish().
// - A run that starts with outbox entries (the process died between a commit and its
//   emission, or before the clear) emits those lines again, except the ones already in the
//   --alerts-out file (read back at start): nothing committed is lost, nothing already in
//   the file is repeated. With stdout or a webhook, a death in the short window between
//   emitting and clearing can repeat those lines once (at-least-once there).
// - Only what is indexed fires: an article older than the copy its id holds (version_rule.h;
//   the writer skips it and counts it in older_versions) matches nothing. The copy held is
//   the one this run left, or else what the writer's database held when it was read.
// docs/alerts.md says the same for users.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "alerts/alert_matcher.h"
#include "alerts/alert_sink.h"
#include "common/schema.h"
#include "indexer/bulk/batch_listener.h"

namespace gazette {

// The metadata keys, kAlertedPrefix and kAlertOutboxPrefix, are in common/schema.h.

struct AlertStats {
    std::uint64_t emitted = 0;      // lines written in this run (including re-emitted ones)
    std::uint64_t reemitted = 0;    // of those, left over from an interrupted run
    std::uint64_t suppressed = 0;   // matches that had fired before (re-indexed articles)
    std::uint64_t not_indexed = 0;  // articles older than the version held: never matched
};

class AlertRun : public BatchListener {
  public:
    AlertRun(std::vector<StandingQuery> queries, std::unique_ptr<AlertSink> sink);

    void start(const std::vector<std::string>& writer_dbs, const std::string& target) override;
    void article(const Article& article, std::size_t writer) override;
    std::vector<CommitMetadata> before_commit(std::size_t writers,
                                              std::shared_ptr<CommitBarrier> barrier) override;
    void finish(const std::vector<std::string>& writer_dbs) override;

    const AlertStats& stats() const { return stats_; }
    std::size_t queries() const { return matcher_.size(); }

  private:
    struct Pending {
        std::string key;     // name \x1f id
        std::size_t writer;  // that commits the article, its alert and then the outbox clear
        std::string line;
    };
    // Waits for the last batch's commit and emits its lines; returns their outbox keys.
    std::vector<Pending> deliver_committed();
    // True when the writer will skip `article`: its database or this run holds a higher
    // version of the id. Records the version kept otherwise.
    bool older_than_kept(const Article& article, std::size_t writer);
    // The highest version the committed databases of `writer` and the target hold of `id`.
    std::optional<double> committed_version(std::size_t writer, const std::string& id);
    // The version reader `reader` (a writer's database, or the target after them) holds.
    std::optional<double> version_in(std::size_t reader, const std::string& term);

    AlertMatcher matcher_;
    std::unique_ptr<AlertSink> sink_;
    std::set<std::string> fired_;  // name \x1f id, from the databases and this run
    std::vector<Article> batch_;
    // The writer of each article of the batch, by id: the last copy sent is the one kept.
    std::unordered_map<std::string, std::size_t> writer_of_;
    std::vector<Pending> pending_;  // matched in the batch whose commit is under way
    std::shared_ptr<CommitBarrier> pending_commit_;
    // Outbox entries found at start, by writer: emitted at start, cleared by the next commit.
    std::vector<std::vector<std::string>> leftover_keys_;
    std::vector<std::string> writer_dbs_;
    std::string target_;
    bool read_target_ = false;
    std::vector<std::optional<Xapian::Database>> readers_;  // opened when first needed
    // The version each id of this run was left at (kept copies only), by id.
    std::unordered_map<std::string, double> kept_version_;
    AlertStats stats_;
};

}  // namespace gazette
