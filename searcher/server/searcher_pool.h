// One worker thread's view of the index: its own Xapian::Database (a Database object must not
// be shared between threads) and a Searcher per stemming language. It checks for new commits
// at most once per `reopen_interval`, and on DatabaseModifiedError (the revision it was
// reading was overwritten by a writer) it reopens and retries once. Xapian shows whole
// commits only, so a search never sees half of an indexer's batch.
// Remote shards: a shard that fails during a search (NetworkError: its xapian-tcpsrv stopped)
// makes the pool open the set again and retry once, so the answer names the shard that is
// down; with allow_partial the retry leaves it out and the answer lists it as missing. Missing
// shards are tried again every kMissingShardRetry.
#pragma once

#include <xapian.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "searcher/engine/database_set.h"
#include "searcher/engine/search.h"
#include "searcher/server/metrics.h"
#include "searcher/timeline/timeline.h"

namespace gazette::server {

class SearcherPool {
  public:
    SearcherPool(std::vector<std::string> db_paths, ShardOptions shards, QueryOptions options,
                 std::chrono::milliseconds reopen_interval, Metrics& metrics);

    // Runs the search with the Searcher for the request's stemming language.
    SearchResults search(const SearchRequest& request);

    // The timeline of request.search's query and the compared ones (searcher/timeline/timeline.h).
    Timeline timeline(const TimelineRequest& request);

    // Runs `work` on the current database; reopens and retries once on DatabaseModifiedError.
    void with_database(const std::function<void(const Xapian::Database&)>& work);

  private:
    // Runs `work` (which uses db_ and the searchers), reopening on the errors above.
    template <class Work>
    auto retrying(Work&& work) -> decltype(work());
    void open_or_refresh();
    void reopen();
    Searcher& searcher_for(const std::string& language);
    Searcher& searcher_for(const SearchRequest& request);

    std::vector<std::string> db_paths_;
    ShardOptions shards_;
    QueryOptions options_;
    std::chrono::milliseconds reopen_interval_;
    Metrics& metrics_;
    bool opened_ = false;
    Xapian::Database db_;
    std::chrono::steady_clock::time_point last_check_;
    std::chrono::steady_clock::time_point opened_at_;
    std::vector<std::string> missing_;  // shards left out of db_ (allow_partial)
    std::map<std::string, std::unique_ptr<Searcher>> searchers_;
};

}  // namespace gazette::server
