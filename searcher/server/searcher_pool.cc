#include "searcher/server/searcher_pool.h"

#include <ctime>

#include "common/errors.h"
#include "common/language.h"
#include "searcher/query/query_language.h"

namespace gazette::server {

namespace {

// How long a worker answers without a shard that was down before trying it again: a shard
// host that drops packets costs a whole --connect-timeout on each try.
constexpr std::chrono::seconds kMissingShardRetry{30};

}  // namespace

SearcherPool::SearcherPool(std::vector<std::string> db_paths, ShardOptions shards,
                           QueryOptions options, std::chrono::milliseconds reopen_interval,
                           Metrics& metrics)
    : db_paths_(std::move(db_paths)),
      shards_(std::move(shards)),
      options_(std::move(options)),
      reopen_interval_(reopen_interval),
      metrics_(metrics) {}

void SearcherPool::open_or_refresh() {
    auto now = std::chrono::steady_clock::now();
    if (!opened_) {
        // Opened on first use, in the worker thread that will use it.
        DatabaseSet set = open_database_set(db_paths_, shards_);
        db_ = set.db;
        missing_ = set.missing;
        searchers_.clear();  // they hold the previous set
        use_database_set(options_, set);
        opened_ = true;
        last_check_ = now;
        opened_at_ = now;
        metrics_.record_reopen(static_cast<double>(std::time(nullptr)));
        return;
    }
    if (!missing_.empty() && now - opened_at_ >= kMissingShardRetry) {
        opened_ = false;
        open_or_refresh();
        return;
    }
    if (now - last_check_ < reopen_interval_)
        return;
    last_check_ = now;
    reopen();
}

void SearcherPool::reopen() {
    // reopen() is cheap when nothing changed (it compares revisions) and returns false then.
    bool changed = db_.reopen();
    if (options_.documents && options_.documents->reopen())
        changed = true;
    if (changed) {
        // Searchers share db_'s internals; dropping them also drops caches of the old revision.
        searchers_.clear();
        metrics_.record_reopen(static_cast<double>(std::time(nullptr)));
    }
}

Searcher& SearcherPool::searcher_for(const std::string& language) {
    auto& slot = searchers_[language];
    if (!slot) {
        QueryOptions options = options_;
        options.stem_language = language;
        slot = std::make_unique<Searcher>(db_, options);
    }
    return *slot;
}

Searcher& SearcherPool::searcher_for(const SearchRequest& request) {
    std::string language = stem_language_for(request, options_.stem_language);
    if (!is_language_code(language)) {  // as on the command line; also bounds searchers_
        throw UsageError("the query language must be an ISO 639-1 code such as en or fr, not \"" +
                         language + "\"");
    }
    return searcher_for(language);
}

template <class Work>
auto SearcherPool::retrying(Work&& work) -> decltype(work()) {
    open_or_refresh();
    try {
        for (int attempt = 1;; ++attempt) {
            try {
                return work();
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt >= kSearchAttempts)
                    throw;
                reopen();
            }
        }
    } catch (const Xapian::NetworkError&) {
        // A remote shard failed mid-search. Opening the set again either names the shard in
        // its error, or (allow_partial) leaves it out; a shard back up is used again.
        opened_ = false;
        open_or_refresh();
        return work();
    }
}

SearchResults SearcherPool::search(const SearchRequest& request) {
    SearchResults results = retrying([&] { return searcher_for(request).search(request); });
    results.missing_shards = missing_;
    return results;
}

Timeline SearcherPool::timeline(const TimelineRequest& request) {
    return retrying([&] {
        return compute_timeline(searcher_for(request.search), db_, request,
                                options_.time_limit_seconds);
    });
}

void SearcherPool::with_database(const std::function<void(const Xapian::Database&)>& work) {
    retrying([&] { work(db_); });
}

}  // namespace gazette::server
