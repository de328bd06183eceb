#include "indexer/bulk/segment_merge.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <thread>

#include "common/errors.h"
#include "common/fields.h"
#include "common/schema.h"
#include "indexer/bulk/database_writer.h"
#include "indexer/bulk/free_space.h"
#include "indexer/bulk/run_progress.h"
#include "indexer/bulk/segment_consolidation.h"
#include "indexer/bulk/segments.h"
#include "indexer/bulk/version_rule.h"
#include "indexer/bulk/vocabulary_spelling.h"

namespace gazette {

namespace fs = std::filesystem;

namespace {

bool holds_articles(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        return false;
    return Xapian::Database(path).get_doccount() > 0;
}

// Segments carry the run position and their spelling mark in their metadata; the merged
// database must not, or a later run would take it for an interrupted one. Cleared in the
// new database, not in the segments: until the swap is done the parts still say "complete",
// so a run killed during the merge merges again instead of indexing everything again.
void clear_run_marks(Xapian::WritableDatabase& db) {
    db.set_metadata(kProgressKey, "");
    db.set_metadata(kSpellingAddedKey, "");
    db.set_metadata(kConsolidatedFromKey, "");
}

std::string aside_path(const std::string& target) {
    return target + ".gazette-old";
}

std::string folder_of(const std::string& path) {
    std::string folder = fs::path(path).parent_path().string();
    return folder.empty() ? "." : folder;
}

void compact_into(const std::vector<std::string>& sources, const std::string& output) {
    // The compacted copy is at most about the size of its sources.
    std::uintmax_t needed = kCommitReserveBytes;
    for (const auto& s : sources)
        needed += size_on_disk(s);
    require_free_space(folder_of(output), needed);
    Xapian::Database all;
    for (const auto& s : sources)
        all.add_database(Xapian::Database(s));
    // DBCOMPACT_MULTIPASS, although one pass was faster on 128 segments of 100,000 articles
    // (3.4 GB, page cache dropped: 27-30 s against 41-45 s): at 1 million articles (174
    // segments, 27 GB, more than the page cache holds) one pass took 483 s against about
    // 300 s with DBCOMPACT_MULTIPASS in an earlier run of the same input; one pass read its
    // sources at about 40 MB/s, interleaved from 174 files at once.
    all.compact(output, Xapian::DBCOMPACT_MULTIPASS);
}

}  // namespace

void recover_interrupted_swap(const std::string& target) {
    std::string old = aside_path(target);
    std::error_code ec;
    if (!fs::exists(old, ec))
        return;
    // The target was moved aside and the merged database had not yet taken its place: put
    // the target back (the segments still hold everything and will be merged again). With
    // the target in place, the swap finished and only the old copy was left to delete.
    if (!fs::exists(target, ec))
        fs::rename(old, target);
    else
        fs::remove_all(old);
}

MergeResult merge_segments(const std::vector<std::string>& segments, const std::string& target) {
    MergeResult result;
    std::string fresh = target + ".gazette-new";
    std::string old = aside_path(target);
    recover_interrupted_swap(target);
    fs::remove_all(fresh);  // left by a merge that was interrupted
    // Hold the target's write lock for the whole merge when it exists: no other writer may
    // change it between our compaction and the swap.
    std::optional<Xapian::WritableDatabase> lock;
    Xapian::docid target_last = 0;  // compaction keeps source order: the target's docids come first
    std::vector<std::string> sources;
    if (holds_articles(target)) {
        lock.emplace(target, Xapian::DB_OPEN);
        target_last = lock->get_lastdocid();
        sources.push_back(target);
    }
    MergeNeeds needs;
    needs.other_bytes = sources.empty() ? 0 : size_on_disk(target);
    needs.other_sources = sources.size();
    needs.reserve = kCommitReserveBytes;
    Consolidation fitted = fit_merge(segments, folder_of(fresh), needs);
    result.consolidated = fitted.count;
    sources.insert(sources.end(), fitted.sources.begin(), fitted.sources.end());
    compact_into(sources, fresh);
    {
        Xapian::WritableDatabase merged(fresh, Xapian::DB_OPEN);
        // Sources are compacted in order, so for an id held twice the higher docid is the
        // newer version. Collected first: the term list is not walked while it changes.
        std::vector<std::string> held_twice;
        for (auto t = merged.allterms_begin(std::string(kIdPrefix));
             t != merged.allterms_end(std::string(kIdPrefix)); ++t) {
            if (t.get_termfreq() > 1)
                held_twice.push_back(*t);
        }
        for (const auto& term : held_twice) {
            std::vector<Xapian::docid> ids;
            for (auto p = merged.postlist_begin(term); p != merged.postlist_end(term); ++p)
                ids.push_back(*p);
            // Ids ascend in arrival order; the copy kept is the one the writer's rule keeps.
            std::vector<double> versions;
            versions.reserve(ids.size());
            for (Xapian::docid id : ids)
                versions.push_back(stored_version(merged.get_document(id)));
            std::size_t kept = kept_copy(versions);
            for (std::size_t i = 0; i < ids.size(); ++i) {
                if (i == kept)
                    continue;
                merged.delete_document(ids[i]);
                if (ids[i] <= target_last)
                    ++result.replaced;
                else if (ids[kept] <= target_last)
                    ++result.older_versions;
                else
                    ++result.repeated;
            }
        }
        clear_run_marks(merged);
        merged.commit();
    }
    // The swap: two renames, never a moment in which a killed run loses the target (the
    // next run's recover_interrupted_swap puts a moved-aside target back).
    std::error_code ec;
    if (fs::exists(target, ec))
        fs::rename(target, old);
    fs::rename(fresh, target);
    lock.reset();
    fs::remove_all(old);
    result.documents = Xapian::Database(target).get_doccount();
    return result;
}

MergeResult merge_into_shards(const std::vector<std::string>& parts,
                              const std::vector<std::string>& targets, std::uint64_t& segments) {
    if (parts.size() != targets.size())
        throw std::logic_error("merge_into_shards: one part per target");
    if (targets.empty())
        return {};
    std::vector<std::vector<std::string>> sources;
    std::vector<std::uintmax_t> sizes;
    for (const auto& part : parts) {
        sources.push_back(segments_of(part));
        segments += sources.back().size();
        sizes.push_back(0);
        for (const auto& s : sources.back())
            sizes.back() += size_on_disk(s);
    }
    // Merged at once they need the room of all of them, and open the sources of all; where
    // that is short, each part's segments are consolidated with the others' counted as
    // taken, and if that is not enough the shards are merged one after another, each
    // checking its own room.
    std::string folder = folder_of(targets.front());
    std::size_t parallel =
        std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, targets.size());
    std::uintmax_t all = std::accumulate(sizes.begin(), sizes.end(), std::uintmax_t{0});
    MergeResult total;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        MergeNeeds needs;
        needs.other_bytes = all - sizes[i];
        needs.reserve = kCommitReserveBytes;
        needs.parallel_merges = parallel;
        Consolidation fitted = fit_merge(sources[i], folder, needs);
        total.consolidated.add(fitted.count);
        sources[i] = fitted.sources;
        sizes[i] = 0;
        for (const auto& s : sources[i])
            sizes[i] += size_on_disk(s);
        all = std::accumulate(sizes.begin(), sizes.end(), std::uintmax_t{0});
    }
    bool together = available_space(folder) >= all + kCommitReserveBytes;
    std::vector<MergeResult> results(targets.size());
    std::vector<std::exception_ptr> errors(targets.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next++) < targets.size();) {
            try {
                results[i] = merge_segments(sources[i], targets[i]);
            } catch (...) {
                errors[i] = std::current_exception();
            }
        }
    };
    std::size_t threads = together ? parallel : 1;
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t)
        pool.emplace_back(work);
    for (auto& t : pool)
        t.join();
    for (const auto& e : errors) {
        if (e)
            std::rethrow_exception(e);
    }
    for (const auto& r : results) {
        total.replaced += r.replaced;
        total.repeated += r.repeated;
        total.older_versions += r.older_versions;
        total.documents += r.documents;
        total.consolidated.add(r.consolidated);
    }
    return total;
}

}  // namespace gazette
