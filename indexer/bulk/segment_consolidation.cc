#include "indexer/bulk/segment_consolidation.h"

#include <xapian.h>

#include <filesystem>
#include <sstream>

#include "indexer/bulk/free_space.h"
#include "indexer/bulk/segments.h"

namespace gazette {

namespace fs = std::filesystem;

namespace {

constexpr const char* kScratchSuffix = ".consolidating";

bool consolidated_before(const std::string& path) {
    return !path.empty() && path.back() == 'c';
}

std::string compact_run(const std::vector<std::string>& sources, const ConsolidationRun& run) {
    std::string shard = shard_of_sealed(sources[run.first]);
    std::string scratch = shard + kScratchSuffix;
    fs::remove_all(scratch);
    Xapian::Database all;
    std::string listed;
    for (std::size_t k = run.first; k <= run.last; ++k) {
        all.add_database(Xapian::Database(sources[k]));
        listed += fs::path(sources[k]).filename().string();
        listed += '\n';
    }
    // One pass: DBCOMPACT_MULTIPASS would write temporary tables, and the disk is short.
    all.compact(scratch);
    {
        Xapian::WritableDatabase out(scratch, Xapian::DB_OPEN);
        out.set_metadata(kConsolidatedFromKey, listed);
        out.commit();
    }
    // In place under its final name before any source goes: from here a killed run finds
    // the copy, and recover_consolidations deletes the sources it lists.
    std::string name = sources[run.last] + "c";
    fs::rename(scratch, name);
    for (std::size_t k = run.first; k <= run.last; ++k)
        fs::remove_all(sources[k]);
    return name;
}

}  // namespace

std::vector<ConsolidationRun> plan_consolidation(const std::vector<std::string>& shards,
                                                 const std::vector<std::uintmax_t>& sizes,
                                                 std::uintmax_t available, std::uintmax_t reserve,
                                                 std::uintmax_t wanted) {
    std::vector<ConsolidationRun> runs;
    if (available <= reserve)
        return runs;
    std::uintmax_t room = available - reserve;
    std::uintmax_t planned = 0;
    std::size_t i = 0;
    while (i < shards.size() && planned < wanted) {
        if (shards[i].empty() || sizes[i] > room) {
            ++i;
            continue;
        }
        std::uintmax_t size = sizes[i];
        std::size_t j = i;
        while (j + 1 < shards.size() && shards[j + 1] == shards[i] && size + sizes[j + 1] <= room)
            size += sizes[++j];
        if (j > i) {
            runs.push_back({i, j});
            planned += size;
        }
        i = j + 1;
    }
    return runs;
}

Consolidation consolidate_segments(const std::vector<std::string>& sources,
                                   std::uintmax_t available, std::uintmax_t reserve,
                                   std::uintmax_t wanted) {
    std::vector<std::string> shards;
    std::vector<std::uintmax_t> sizes;
    for (const auto& s : sources) {
        shards.push_back(consolidated_before(s) ? "" : shard_of_sealed(s));
        sizes.push_back(size_on_disk(s));
    }
    Consolidation result;
    std::vector<ConsolidationRun> runs =
        plan_consolidation(shards, sizes, available, reserve, wanted);
    std::size_t next = 0;
    for (const ConsolidationRun& run : runs) {
        while (next < run.first)
            result.sources.push_back(sources[next++]);
        result.sources.push_back(compact_run(sources, run));
        ++result.runs;
        result.segments += run.last - run.first + 1;
        next = run.last + 1;
    }
    while (next < sources.size())
        result.sources.push_back(sources[next++]);
    return result;
}

Consolidation fit_merge_on_disk(const std::vector<std::string>& segments, const std::string& folder,
                                std::uintmax_t other_bytes, std::uintmax_t reserve) {
    Consolidation total;
    total.sources = segments;
    for (;;) {
        std::uintmax_t needed = other_bytes + reserve;
        for (const auto& s : total.sources)
            needed += size_on_disk(s);
        std::uintmax_t available = available_space(folder.empty() ? "." : folder);
        if (needed <= available)
            return total;
        Consolidation round =
            consolidate_segments(total.sources, available, reserve, needed - available);
        if (round.runs == 0)
            return total;
        total.sources = std::move(round.sources);
        total.runs += round.runs;
        total.segments += round.segments;
    }
}

void recover_consolidations(const std::string& work) {
    std::vector<fs::path> scratch, consolidated;
    std::error_code ec;
    for (fs::directory_iterator it(work, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().string();
        if (name.size() > std::string(kScratchSuffix).size() &&
            name.compare(name.size() - std::string(kScratchSuffix).size(), std::string::npos,
                         kScratchSuffix) == 0)
            scratch.push_back(it->path());
        else if (consolidated_before(name) && !shard_of_sealed(name).empty())
            consolidated.push_back(it->path());
    }
    for (const auto& p : scratch)
        fs::remove_all(p);
    for (const auto& p : consolidated) {
        std::istringstream listed(Xapian::Database(p.string()).get_metadata(kConsolidatedFromKey));
        for (std::string source; std::getline(listed, source);) {
            if (!source.empty())
                fs::remove_all(p.parent_path() / source);
        }
    }
}

}  // namespace gazette
