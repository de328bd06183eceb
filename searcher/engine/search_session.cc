#include "searcher/engine/search_session.h"

#include <stdexcept>

#include "common/errors.h"
#include "common/fields.h"
#include "searcher/query/query_language.h"

namespace gazette {
namespace {

// Facets over list fields count from the match set (in this process) or with our own match
// spy, which xapian-tcpsrv cannot run: over tcp:// shards they cannot be counted. (With
// --parallel the shards are also open here, and the match set counts them.)
void check_facets_for_remote(const SearchRequest& request, const DatabaseSet& set) {
    if (!set.any_remote || set.in_process())
        return;
    for (const auto& name : request.facets) {
        const FacetSpec* facet = find_facet(name);
        if (!facet || !facet->is_list)
            continue;
        std::string available;
        for (const FacetSpec& f : facets()) {
            if (!f.is_list)
                available += (available.empty() ? "" : ", ") + std::string(f.name);
        }
        throw UsageError("the " + name +
                         " facet is not available on remote shards (Xapian 1.4's "
                         "xapian-tcpsrv cannot run the counter for list fields); " +
                         available + " are");
    }
}

}  // namespace

SearchSession::SearchSession(SessionOptions options) : options_(std::move(options)) {}

SearchSession::~SearchSession() = default;

void SearchSession::open() {
    run([] {});
}

const DatabaseSet& SearchSession::databases() const {
    if (!set_)
        throw std::logic_error("a search session's databases are used outside run()");
    return *set_;
}

void SearchSession::run_work(const std::function<void()>& work) {
    int revisions_lost = 0;
    bool set_reopened = false;  // after a NetworkError: once
    for (;;) {
        // A NetworkError while opening names its shard (or, with allow_partial, every shard
        // was down): it is the answer. Once open, one means a shard failed on us.
        bool opening = false;
        try {
            opening = must_open();
            if (opening) {
                open_set();
                opening = false;
            } else {
                refresh(revisions_lost > 0);
            }
            work();
            return;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (++revisions_lost >= kSearchAttempts)
                throw;
        } catch (const Xapian::NetworkError&) {
            if (opening || set_reopened)
                throw;
            set_reopened = true;
            searchers_.clear();
            set_.reset();  // opened again on the next try, finding out which shards answer
        }
    }
}

bool SearchSession::must_open() const {
    if (!set_)
        return true;
    return !set_->missing.empty() &&
           std::chrono::steady_clock::now() - opened_at_ >= kMissingShardRetry;
}

void SearchSession::refresh(bool revision_lost) {
    if (revision_lost) {
        reopen();
        // Even when reopen() saw nothing new (the lost revision was a local handle's): the
        // searchers' caches may hold what came from it.
        searchers_.clear();
        return;
    }
    auto now = std::chrono::steady_clock::now();
    if (options_.reopen_interval && now - last_check_ >= *options_.reopen_interval) {
        last_check_ = now;
        reopen();
    }
}

void SearchSession::open_set() {
    searchers_.clear();  // they hold the previous set
    set_.reset();        // its shard processes end before new ones start
    set_ = open_database_set(options_.databases, options_.shards);
    opened_at_ = last_check_ = std::chrono::steady_clock::now();
    if (options_.on_new_revision)
        options_.on_new_revision();
}

void SearchSession::reopen() {
    // reopen() is cheap when nothing changed (it compares revisions) and returns false then.
    bool changed = set_->db.reopen();
    if (set_->documents && set_->documents->reopen())
        changed = true;
    if (!changed) {
        // A database swapped in under the same path (gazette-index's merge) can carry the
        // same revision number as the one open, which reopen() takes for no change.
        if (replaced_since_opened(*set_))
            open_set();
        return;
    }
    // Searchers share the set's internals; dropping them also drops caches of the old revision.
    searchers_.clear();
    if (options_.on_new_revision)
        options_.on_new_revision();
}

Searcher& SearchSession::searcher_for(const SearchRequest& request) {
    const DatabaseSet& set = databases();
    std::string language = options_.search.query.stem_language;
    if (!options_.fixed_stem_language)
        language = stem_language_for(request, language);
    check_stem_language(language);  // also bounds searchers_
    auto& slot = searchers_[language];
    if (!slot) {
        SearchOptions options = options_.search;
        options.query.stem_language = language;
        slot = std::make_unique<Searcher>(set, options);
    }
    return *slot;
}

SearchResults SearchSession::search(const SearchRequest& request) {
    return run([&] {
        check_facets_for_remote(request, databases());
        SearchResults results = searcher_for(request).search(request);
        results.missing_shards = missing_shards();
        return results;
    });
}

}  // namespace gazette
