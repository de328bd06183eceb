#include "indexer/bulk/bulk_index.h"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "indexer/bulk/file_state.h"
#include "indexer/bulk/free_space.h"
#include "indexer/bulk/scratch_parts.h"
#include "indexer/bulk/segment_merge.h"
#include "indexer/bulk/sharded_database.h"
#include "indexer/bulk/write_plan.h"
#include "indexer/bulk/writer_pool.h"

namespace gazette {

namespace fs = std::filesystem;

BulkResult run_bulk_index(const InputPlan& full_plan, const BulkOptions& o) {
    BulkResult result;
    recover_interrupted_swap(o.db_path);
    std::string work = work_folder_of(o.db_path);
    remove_discarded_work_folder(work);  // a deletion that was cut short
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
    if (plan.files.empty() && !fs::exists(work) && sharded_database_shards(o.db_path).empty() &&
        o.shards == 0 && !o.keep_shards && !o.shard_by) {
        result.documents = documents_in(o.db_path);
        result.written_as = "nothing to write";
        return result;  // nothing to read (--update found every file unchanged)
    }
    std::unique_ptr<WritePlan> w = plan_writes(o, plan_id, input_bytes);
    result.resumed = w->resumed();

    // Every writer may commit a batch at the same moment on the same disk.
    std::uintmax_t reserve =
        kCommitReserveBytes + kIndexBytesPerTextByte * o.batch_bytes * w->writers().size();
    // Segments only for scratch parts, and not with alerts (their state lives in each
    // writer's database for the whole run).
    std::uint64_t segment_bytes = w->builds_parts() && !o.listener ? o.segment_bytes : 0;
    WriterPool pool(reserve, segment_bytes);
    for (const auto& writer : w->writers())
        pool.add(writer.path, writer.role);
    std::unique_ptr<WriterRouting> routing = w->routing(pool);

    ProgressLine progress(o.progress, input_bytes);
    // Written in place (one database or shards), the last commit clears the position: a
    // finished run leaves nothing to resume. Scratch parts say "complete" until merged.
    RecordRouter router(pool, *routing, o.batch_bytes, plan_id, w->start(), o.default_source,
                        progress, !w->builds_parts());
    if (o.listener) {
        o.listener->start(pool.paths(), o.db_path);
        router.set_listener(o.listener);
    }
    for (std::size_t i = 0; i < plan.files.size() && !w->start().complete; ++i) {
        if (i < w->start().file) {
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
    result.older_versions = totals.older_versions;
    result.writers = pool.size();
    std::vector<std::string> written = pool.paths();  // with the shards of years new in this run
    routing.reset();
    pool.close();  // close the databases before merging or syncing them
    if (o.listener)
        o.listener->finish(written);

    w->finish(written, result);
    result.documents = documents_in(o.db_path);
    result.written_as = w->summary(result);
    Xapian::WritableDatabase state(w->file_state_database(), Xapian::DB_OPEN);
    for (const auto& f : plan.files)
        record_file_state(state, f);
    state.commit();
    return result;
}

}  // namespace gazette
