// One worker thread's view of the index: its own Xapian::Database (a Database object must not
// be shared between threads) and a Searcher per stemming language. It checks for new commits
// at most once per `reopen_interval`, and on DatabaseModifiedError (the revision it was
// reading was overwritten by a writer) it reopens and retries once. Xapian shows whole
// commits only, so a search never sees half of an indexer's batch.
#pragma once

#include <xapian.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "searcher/database_set.h"
#include "searcher/search.h"
#include "searcher/timeline.h"
#include "searcher/server/metrics.h"

namespace gazette::server {

class SearcherPool {
  public:
    SearcherPool(std::vector<std::string> db_paths, ShardOptions shards, QueryOptions options,
                 std::chrono::milliseconds reopen_interval, Metrics& metrics);

    // Runs the search with the Searcher for the request's stemming language.
    SearchResults search(const SearchRequest& request);

    // The timeline of request.search's query and the compared ones (searcher/timeline.h).
    Timeline timeline(const TimelineRequest& request);

    // Runs `work` on the current database; reopens and retries once on DatabaseModifiedError.
    void with_database(const std::function<void(const Xapian::Database&)>& work);

  private:
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
    std::map<std::string, std::unique_ptr<Searcher>> searchers_;
};

}  // namespace gazette::server
