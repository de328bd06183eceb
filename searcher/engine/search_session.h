// One thread's searching over one set of databases: the opened DatabaseSet, a Searcher per
// stemming language, and the one policy for what happens to them while they are read. Every
// front end (a command-line search, --jsonl, a timeline, each HTTP worker) runs its work
// through a session:
// - new commits: checked for at most once per `reopen_interval` before a piece of work (the
//   server); unset, only when a revision is lost (one command-line run);
// - Xapian::DatabaseModifiedError (an indexer's commits discarded the revision being read):
//   reopen at the newest commit and run the work again, up to kSearchAttempts times in all.
//   Xapian shows whole commits only, so the work never sees half of an indexer's batch;
// - Xapian::NetworkError (a remote shard failed during the work): open the set again and run
//   the work once more. Without allow_partial that names the shard that is down (or finds it
//   back up); with it, the dead shard is left out and listed in missing_shards(), and tried
//   again every kMissingShardRetry.
// A Xapian::Database must not be shared between threads: one session per thread (the server
// keeps one per worker), opened on first use in the thread that uses it.
#pragma once

#include <xapian.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "searcher/engine/database_set.h"
#include "searcher/engine/search.h"

namespace gazette {

// How many times work starts again when an indexer's commits discard the revision it was
// reading (glass keeps the last two). One retry was not enough in e2e_concurrency, with a
// commit every 0.2 s on a loaded 2-core machine.
inline constexpr int kSearchAttempts = 5;

// How long a session answers without a shard that was down before trying it again: a shard
// host that drops packets costs a whole --connect-timeout on each try.
inline constexpr std::chrono::seconds kMissingShardRetry{30};

struct SessionOptions {
    std::vector<std::string> databases;  // local paths or tcp://host:port shards
    ShardOptions shards;
    SearchOptions search;
    // Every query stemmed in search.query.stem_language (--stem-lang). Otherwise a search
    // limited to one language by its `lang` filter is stemmed in that language
    // (query_language.h), and search.query.stem_language is the fallback.
    bool fixed_stem_language = false;
    // How often to look for new commits; unset: only after DatabaseModifiedError.
    std::optional<std::chrono::milliseconds> reopen_interval;
    // Called whenever the session starts reading a new revision (opening, or a reopen that
    // found new commits): the server's last-reopen metric.
    std::function<void()> on_new_revision;
};

class SearchSession {
  public:
    explicit SearchSession(SessionOptions options);
    ~SearchSession();
    SearchSession(const SearchSession&) = delete;
    SearchSession& operator=(const SearchSession&) = delete;

    // Runs `work` under the policy above and returns what it returns. `work` may run more
    // than once: it must take the databases and searchers from the session each time (they
    // change between runs) and have no effect that a second run would repeat. Opening
    // errors pass unchanged (they name their database or shard), as does the last failure.
    template <class Work>
    auto run(Work&& work) -> decltype(work()) {
        using Result = decltype(work());
        if constexpr (std::is_void_v<Result>) {
            run_work(work);
        } else {
            std::optional<Result> result;
            run_work([&] { result.emplace(work()); });
            return std::move(*result);
        }
    }

    // Opens the databases now, under the policy, instead of on first use (so that the
    // command line fails before reading any query when they cannot be opened).
    void open();

    // Runs the search with the Searcher for its stemming language; the results list the
    // shards left out. Throws UsageError for what the set cannot do (list facets on remote
    // shards) and for a bad query.
    SearchResults search(const SearchRequest& request);

    // For use inside run(): the opened set, its combined database, the shards left out, and
    // the Searcher for a request's stemming language (UsageError when it is not an ISO 639-1
    // code).
    const DatabaseSet& databases() const;
    const Xapian::Database& database() const { return databases().db; }
    const std::vector<std::string>& missing_shards() const { return databases().missing; }
    Searcher& searcher_for(const SearchRequest& request);

    const SessionOptions& options() const { return options_; }

  private:
    void run_work(const std::function<void()>& work);
    // Before each run of the work: open (first, or again to retry missing shards), else
    // look for new commits (when due, or because the revision being read was lost).
    bool must_open() const;
    void open_set();
    void refresh(bool revision_lost);
    void reopen();

    SessionOptions options_;
    std::optional<DatabaseSet> set_;  // unset until opened, and after a NetworkError
    std::chrono::steady_clock::time_point opened_at_;
    std::chrono::steady_clock::time_point last_check_;
    // Each holds the set's databases; dropped on reopen, with their caches of old revisions.
    std::map<std::string, std::unique_ptr<Searcher>> searchers_;
};

}  // namespace gazette
