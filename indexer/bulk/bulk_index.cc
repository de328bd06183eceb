#include "indexer/bulk/bulk_index.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "common/errors.h"
#include "indexer/bulk/file_state.h"
#include "indexer/bulk/shard_merge.h"
#include "indexer/bulk/shard_writer.h"

namespace gazette {

namespace fs = std::filesystem;

namespace {

// Writing in place (one writer, no compaction) pays off when the database is much larger
// than what is added: compacting it would copy far more than the new articles.
constexpr std::uintmax_t kInPlaceRatio = 20;

std::uintmax_t size_on_disk(const fs::path& dir) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec))
            total += it->file_size(ec);
    }
    return total;
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
    for (const auto& path : dbs) {
        auto p = decode_position(Xapian::Database(path).get_metadata(kProgressKey), plan_id);
        if (!p)
            return std::nullopt;
        if (!least || *p < *least)
            least = p;
    }
    return least;
}

}  // namespace

BulkResult run_bulk_index(const InputPlan& full_plan, const BulkOptions& o) {
    BulkResult result;
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

    fs::path work = o.db_path + ".gazette-work";
    std::vector<std::string> shard_paths = existing_shards(work);
    RunPosition start;
    if (!shard_paths.empty()) {
        if (auto p = resume_position(shard_paths, plan_id)) {
            start = *p;
            result.resumed = true;
        } else {
            std::cerr << "gazette-index: note: discarding " << work.string()
                      << ", left by an interrupted run of other inputs\n";
            fs::remove_all(work);
            shard_paths.clear();
        }
    }
    if (!result.resumed && documents_in(o.db_path) > 0 && !o.keep_shards) {
        if (auto p = resume_position({o.db_path}, plan_id)) {  // an interrupted in-place run
            start = *p;
            result.resumed = true;
            result.in_place = true;
        } else {
            result.in_place =
                size_on_disk(o.db_path) > kInPlaceRatio * std::max<std::uintmax_t>(input_bytes, 1);
        }
        if (result.in_place)
            shard_paths = {o.db_path};
    }
    if (!result.resumed && plan.files.empty()) {
        result.documents = documents_in(o.db_path);
        return result;  // nothing new to read (--update found every file unchanged)
    }
    if (!result.in_place && shard_paths.empty()) {
        fs::create_directories(work);
        for (unsigned i = 0; i < std::max(1u, o.threads); ++i) {
            shard_paths.push_back((work / ("shard-" + std::to_string(i))).string());
        }
    }

    std::vector<std::unique_ptr<ShardWriter>> writers;
    WriterRole role = result.in_place ? WriterRole::kInPlace : WriterRole::kShard;
    for (const auto& path : shard_paths)
        writers.push_back(std::make_unique<ShardWriter>(path, role));
    std::vector<ShardWriter*> raw;
    for (auto& w : writers) {
        w->start();
        raw.push_back(w.get());
    }
    result.writers = writers.size();

    ProgressLine progress(o.progress, input_bytes);
    // In place, the last commit clears the position: a finished run leaves nothing to resume.
    RecordRouter router(raw, o.batch_bytes, plan_id, start, o.default_source, progress,
                        result.in_place);
    for (std::size_t i = 0; i < plan.files.size() && !start.complete; ++i) {
        if (i < start.file) {
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
    for (auto& w : writers)
        w->join();  // rethrows a writer's failure (disk full, ...)
    progress.finish();
    result.read = router.stats();
    for (auto& w : writers) {
        result.added += w->stats().added;
        result.replaced += w->stats().replaced;
    }
    writers.clear();  // close the shards before merging them

    if (!result.in_place && !result.resumed) result.repeated_ids = result.replaced;
    if (!result.in_place) {
        if (o.keep_shards) {
            keep_shards(shard_paths, o.db_path);
        } else {
            MergeResult merged = merge_shards(shard_paths, o.db_path);
            result.replaced += merged.replaced;
            result.added -= std::min(result.added, merged.replaced);
        }
        fs::remove_all(work);
    }
    result.documents = documents_in(o.db_path);
    if (!o.keep_shards) {
        Xapian::WritableDatabase target(o.db_path, Xapian::DB_OPEN);
        for (const auto& f : plan.files)
            record_file_state(target, f);
        target.commit();
    }
    return result;
}

}  // namespace gazette
