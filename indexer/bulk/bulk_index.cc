#include "indexer/bulk/bulk_index.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "common/errors.h"
#include "indexer/bulk/file_state.h"
#include "indexer/bulk/free_space.h"
#include "indexer/bulk/segment_consolidation.h"
#include "indexer/bulk/segments.h"
#include "indexer/bulk/shard_merge.h"
#include "indexer/bulk/shard_writer.h"
#include "indexer/bulk/sharded_database.h"
#include "indexer/bulk/vocabulary_spelling.h"
#include "indexer/bulk/work_folder_lock.h"
#include "indexer/bulk/writer_pool.h"
#include "indexer/bulk/year_routing.h"

namespace gazette {

namespace fs = std::filesystem;

namespace {

// Writing in place (one writer, no compaction) pays off when the database is much larger
// than what is added: compacting it would copy far more than the new articles.
constexpr std::uintmax_t kInPlaceRatio = 20;

// Deletes a scratch folder so that a run killed while deleting it never leaves a folder that
// looks like an interrupted run with some of its shards half gone: it is first renamed
// (atomic), then deleted; a leftover renamed folder is deleted by the next run.
void discard_work_folder(const fs::path& work) {
    fs::path doomed = work.string() + ".discarded";
    fs::remove_all(doomed);
    std::error_code ec;
    if (fs::exists(work, ec)) {
        fs::rename(work, doomed);
        fs::remove_all(doomed);
    }
}

Xapian::doccount documents_in(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        return 0;
    return Xapian::Database(path).get_doccount();
}

std::vector<std::string> existing_shards(const fs::path& work) {
    std::vector<std::string> shards;
    for (std::size_t i = 0;; ++i) {
        fs::path p = work / ("shard-" + std::to_string(i));
        if (!fs::exists(p))
            break;
        shards.push_back(p.string());
    }
    return shards;
}

// Where an interrupted run of this plan got to: the least advanced writer's last commit.
std::optional<RunPosition> resume_position(const std::vector<std::string>& dbs,
                                           const std::string& plan_id) {
    std::optional<RunPosition> least;
    bool any_position = false;
    for (const auto& path : dbs) {
        Xapian::Database db(path);
        std::string value = db.get_metadata(kProgressKey);
        // A writer killed before its first commit left an empty database: it resumes from the
        // start, like a writer whose first batch had not been sent.
        auto p = value.empty() && db.get_doccount() == 0 ? std::optional<RunPosition>(RunPosition{})
                                                         : decode_position(value, plan_id);
        if (!p)
            return std::nullopt;
        any_position = any_position || !value.empty();
        if (!least || *p < *least)
            least = p;
    }
    if (!any_position)
        return std::nullopt;  // nothing was committed: a fresh run, not a resumed one
    return least;
}

// Decides how this run writes and where it resumes from. Fills result.mode, result.resumed.
struct WritePlan {
    std::vector<std::string> dbs;  // what the writers write, one writer each
    std::vector<WriterRole> roles;
    RunPosition start;
    fs::path work;                            // scratch folder of a merged run
    WorkFolderLock work_lock;                 // held while this run uses `work`
    ShardScheme scheme = ShardScheme::kHash;  // how articles are routed to the writers
};

// The scheme of a sharded run: the one the database was made with (a database from before
// schemes were recorded is hashed), which a run may repeat but not change, or the one asked
// for a new database.
ShardScheme sharded_run_scheme(const BulkOptions& o, bool exists, unsigned shard_count) {
    std::optional<ShardScheme> asked = o.shard_by;
    if (!asked && shard_count > 0)
        asked = ShardScheme::kHash;
    if (!exists) {
        if (asked == ShardScheme::kHash && shard_count == 0)
            throw UsageError("--shard-by hash needs --shards N");
        return asked.value_or(ShardScheme::kHash);
    }
    ShardScheme made = recorded_scheme(o.db_path).value_or(ShardScheme::kHash);
    if (asked && *asked != made) {
        std::string how = o.shard_by ? "--shard-by " + scheme_name(*asked) : "--shards N";
        throw UsageError(o.db_path + " is sharded by " + scheme_name(made) +
                         "; this run asks for sharding by " + scheme_name(*asked) + " (" + how +
                         ")" +
                         ". An article's shard depends on the scheme, so it cannot change "
                         "(re-index into a new database to change it)");
    }
    return made;
}

bool all_empty(const std::vector<std::string>& dbs) {
    return std::all_of(dbs.begin(), dbs.end(),
                       [](const std::string& db) { return documents_in(db) == 0; });
}

// Continues the interrupted run whose scratch shards are in w.work, if there is one of this
// plan (and of `writers` writers, when not 0: a new sharded database needs one per shard).
// Other scratch shards are discarded. True when resuming; fills w.dbs, w.roles, w.start.
bool resume_scratch(const std::string& plan_id, std::size_t writers, WritePlan& w,
                    BulkResult& result) {
    std::error_code ec;
    if (fs::exists(w.work, ec)) {
        w.work_lock = WorkFolderLock(w.work.string());  // refused while another run uses it
        recover_segment_rolls(w.work.string());
        recover_consolidations(w.work.string());
    }
    std::vector<std::string> scratch = existing_shards(w.work);
    if (scratch.empty())
        return false;
    if (writers == 0 || scratch.size() == writers) {
        if (auto p = resume_position(scratch, plan_id)) {
            result.resumed = true;
            w.start = *p;
            w.dbs = scratch;
            w.roles.assign(scratch.size(), WriterRole::kShard);
            return true;
        }
    }
    // Shards without a position may belong to a run still writing its first batch: make
    // sure no writer holds them (DatabaseLockError, "locked by another writer") before
    // deleting them under its feet.
    for (const auto& s : scratch)
        Xapian::WritableDatabase(s, Xapian::DB_OPEN).close();
    std::cerr << "gazette-index: note: discarding " << w.work.string()
              << ", left by an interrupted run of other inputs\n";
    discard_work_folder(w.work);
    w.work_lock = WorkFolderLock();
    return false;
}

// `writers` new scratch shards in w.work.
void new_scratch(std::size_t writers, WritePlan& w) {
    fs::create_directories(w.work);
    w.work_lock = WorkFolderLock(w.work.string());
    for (std::size_t i = 0; i < writers; ++i) {
        w.dbs.push_back((w.work / ("shard-" + std::to_string(i))).string());
        w.roles.push_back(WriterRole::kShard);
    }
}

WritePlan plan_writes(const BulkOptions& o, const std::string& plan_id, std::uintmax_t input_bytes,
                      BulkResult& result) {
    WritePlan w;
    w.work = o.db_path + ".gazette-work";
    unsigned shard_count = o.shards > 0 ? o.shards : (o.keep_shards ? std::max(1u, o.threads) : 0);
    std::vector<std::string> stub_shards = sharded_database_shards(o.db_path);
    if (!stub_shards.empty() || shard_count > 0 || o.shard_by) {
        // A sharded database is written shard by shard, by one writer each: an id hashes to
        // the same shard in every run (or moves with its year, and is then deleted from the
        // old one), so replacement stays exact. Existing shards are written in place.
        result.mode = WriteMode::kSharded;
        w.scheme = sharded_run_scheme(o, !stub_shards.empty(), shard_count);
        if (w.scheme == ShardScheme::kYear) {
            if (stub_shards.empty()) {
                stub_shards = create_year_sharded_database(o.db_path);
            } else {
                // A run that died between making a year's shard and listing it left it out.
                rewrite_year_stub(o.db_path);
                stub_shards = sharded_database_shards(o.db_path);
            }
        } else {
            if (!stub_shards.empty() && shard_count > 0 && stub_shards.size() != shard_count) {
                throw UsageError(o.db_path + " has " + std::to_string(stub_shards.size()) +
                                 " shards; an id's shard depends on the count, so it cannot "
                                 "change (re-index into a new database to change it)");
            }
            if (stub_shards.empty())
                stub_shards = create_sharded_database(o.db_path, shard_count);
            // A new database (its shards still empty), or one whose first run was cut short
            // (its work folder is left): built like a merged run, one writer per shard.
            if (!o.listener && (all_empty(stub_shards) || fs::exists(w.work))) {
                result.mode = WriteMode::kNewShards;
                if (!resume_scratch(plan_id, stub_shards.size(), w, result))
                    new_scratch(stub_shards.size(), w);
                return w;
            }
        }
        w.dbs = stub_shards;
        auto p = resume_position(w.dbs, plan_id);
        if (p) {
            w.start = *p;
            result.resumed = true;
        }
        for (const auto& db : w.dbs) {
            // A shard still being built (new, or resumed before its vocabulary spelling pass)
            // is built fast; a finished one is updated with synced commits.
            bool building = documents_in(db) == 0 ||
                            (p && Xapian::Database(db).get_metadata(kSpellingAddedKey).empty());
            w.roles.push_back(building ? WriterRole::kShard : WriterRole::kInPlace);
        }
        return w;
    }
    result.mode = WriteMode::kMerged;
    if (resume_scratch(plan_id, 0, w, result))
        return w;
    if (documents_in(o.db_path) > 0) {
        auto p = resume_position({o.db_path}, plan_id);  // an interrupted in-place run
        if (p ||
            size_on_disk(o.db_path) > kInPlaceRatio * std::max<std::uintmax_t>(input_bytes, 1)) {
            result.mode = WriteMode::kInPlace;
            result.resumed = p.has_value();
            if (p)
                w.start = *p;
            w.dbs = {o.db_path};
            w.roles = {WriterRole::kInPlace};
            return w;
        }
    }
    result.mode = WriteMode::kMerged;
    new_scratch(std::max(1u, o.threads), w);
    return w;
}

}  // namespace

BulkResult run_bulk_index(const InputPlan& full_plan, const BulkOptions& o) {
    BulkResult result;
    recover_interrupted_swap(o.db_path);
    fs::remove_all(o.db_path + ".gazette-work.discarded");  // a deletion that was cut short
    InputPlan plan = full_plan;
    if (o.update && documents_in(o.db_path) > 0) {
        Xapian::Database target(o.db_path);
        plan.files.clear();
        for (const auto& f : full_plan.files) {
            if (file_change(target, f) == FileChange::kUnchanged) {
                ++result.files_unchanged;
            } else {
                plan.files.push_back(f);
            }
        }
    }
    std::uintmax_t input_bytes = 0;
    for (const auto& f : plan.files)
        input_bytes += f.size;
    std::string plan_id = plan_fingerprint(plan, o.default_source);
    if (plan.files.empty() && !fs::exists(o.db_path + ".gazette-work") &&
        sharded_database_shards(o.db_path).empty() && o.shards == 0 && !o.keep_shards &&
        !o.shard_by) {
        result.documents = documents_in(o.db_path);
        return result;  // nothing to read (--update found every file unchanged)
    }
    WritePlan w = plan_writes(o, plan_id, input_bytes, result);

    // Every writer may commit a batch at the same moment on the same disk.
    std::uintmax_t reserve =
        kCommitReserveBytes + kIndexBytesPerTextByte * o.batch_bytes * w.dbs.size();
    // Segments only for scratch shards, and not with alerts (their state lives in each
    // writer's database for the whole run).
    bool scratch = result.mode == WriteMode::kMerged || result.mode == WriteMode::kNewShards;
    std::uint64_t segment_bytes = scratch && !o.listener ? o.segment_bytes : 0;
    WriterPool pool(reserve, segment_bytes);
    for (std::size_t i = 0; i < w.dbs.size(); ++i)
        pool.add(w.dbs[i], w.roles[i]);
    std::unique_ptr<ShardRouting> routing;
    if (w.scheme == ShardScheme::kYear) {
        routing = std::make_unique<YearRouting>(o.db_path, pool);
    } else {
        routing = std::make_unique<HashRouting>(pool);
    }
    result.writers = pool.size();

    ProgressLine progress(o.progress, input_bytes);
    // Written in place (one database or shards), the last commit clears the position: a
    // finished run leaves nothing to resume. Scratch shards say "complete" until merged.
    RecordRouter router(pool, *routing, o.batch_bytes, plan_id, w.start, o.default_source, progress,
                        !scratch);
    if (o.listener) {
        o.listener->start(w.dbs, o.db_path);
        router.set_listener(o.listener);
    }
    for (std::size_t i = 0; i < plan.files.size() && !w.start.complete; ++i) {
        if (i < w.start.file) {
            router.end_file(plan.files[i].size);  // committed by the interrupted run
            continue;
        }
        router.begin_file(i);
        read_input(plan.files[i], o.default_source, router);
        router.end_file(plan.files[i].size);
        ++result.files_read;
        if (router.writers_failed())
            break;
    }
    router.finish();
    pool.join_all();  // rethrows a writer's failure (disk full, ...)
    progress.finish();
    result.read = router.stats();
    WriterStats totals = pool.totals();
    // An article that moved to another year's shard was replaced, not added.
    result.added = totals.added - std::min(totals.added, totals.moved_out);
    result.replaced = totals.replaced + totals.moved_out;
    result.writers = pool.size();
    w.dbs = pool.paths();  // with the shards of years new in this run
    routing.reset();
    pool.close();  // close the databases before merging or syncing them
    if (o.listener)
        o.listener->finish(w.dbs);

    switch (result.mode) {
        case WriteMode::kMerged: {
            std::vector<std::string> sources;
            for (const auto& shard : w.dbs) {
                for (auto& segment : segments_of(shard))
                    sources.push_back(std::move(segment));
            }
            result.segments = sources.size();
            MergeResult merged = merge_shards(sources, o.db_path);
            result.consolidated = merged.consolidated;
            // An id sent twice to one writer: replaced in its database, or held by two of its
            // segments until the merge kept the later copy.
            if (!result.resumed)
                result.repeated_ids = result.replaced + merged.repeated;
            result.replaced += merged.replaced + merged.repeated;
            result.added -= std::min(result.added, merged.replaced + merged.repeated);
            discard_work_folder(w.work);
            break;
        }
        case WriteMode::kNewShards: {
            std::vector<std::string> shards = sharded_database_shards(o.db_path);
            MergeResult merged = merge_into_shards(w.dbs, shards, result.segments);
            result.consolidated = merged.consolidated;
            if (!result.resumed)
                result.repeated_ids = result.replaced + merged.repeated;
            result.replaced += merged.replaced + merged.repeated;
            result.added -= std::min(result.added, merged.replaced + merged.repeated);
            finish_sharded_database(o.db_path, shards);
            discard_work_folder(w.work);
            w.dbs = shards;
            break;
        }
        case WriteMode::kSharded:
            finish_sharded_database(o.db_path, w.dbs);
            break;
        case WriteMode::kInPlace:
            break;
    }
    result.documents = documents_in(o.db_path);
    // --update's file states live in the (first) database written.
    bool sharded = result.mode == WriteMode::kSharded || result.mode == WriteMode::kNewShards;
    Xapian::WritableDatabase state(sharded ? w.dbs.front() : o.db_path, Xapian::DB_OPEN);
    for (const auto& f : plan.files)
        record_file_state(state, f);
    state.commit();
    return result;
}

}  // namespace gazette
