#include "indexer/bulk/segment_consolidation.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "common/schema.h"
#include "indexer/bulk/free_space.h"
#include "indexer/bulk/open_file_limit.h"
#include "indexer/bulk/segments.h"

namespace gazette {

namespace fs = std::filesystem;

namespace {

constexpr const char* kScratchSuffix = ".consolidating";

bool consolidated_before(const std::string& path) {
    return !path.empty() && path.back() == 'c';
}

std::string compact_run(const std::vector<std::string>& sources, const ConsolidationRun& run) {
    std::string part = part_of_sealed(sources[run.first]);
    std::string scratch = part + kScratchSuffix;
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

std::vector<ConsolidationRun> plan_consolidation(const std::vector<std::string>& parts,
                                                 const std::vector<std::uintmax_t>& sizes,
                                                 const ConsolidationLimits& limits) {
    std::vector<ConsolidationRun> runs;
    std::uintmax_t planned = 0;
    std::size_t fewer = 0;
    auto wanting = [&] { return planned < limits.wanted_bytes || fewer < limits.wanted_fewer; };
    std::size_t i = 0;
    while (i < parts.size() && wanting()) {
        if (parts[i].empty() || sizes[i] > limits.room) {
            ++i;
            continue;
        }
        // With the space found, a run for open files only needs to be as long as the
        // sources still to be removed: longer would rewrite segments for nothing.
        std::size_t cap = limits.max_run;
        if (planned >= limits.wanted_bytes)
            cap = std::min(cap, limits.wanted_fewer - fewer + 1);
        std::uintmax_t size = sizes[i];
        std::size_t j = i;
        while (j + 1 < parts.size() && parts[j + 1] == parts[i] && j + 2 - i <= cap &&
               size + sizes[j + 1] <= limits.room)
            size += sizes[++j];
        if (j > i) {
            runs.push_back({i, j});
            planned += size;
            fewer += j - i;
        }
        i = j + 1;
    }
    return runs;
}

Consolidation consolidate_segments(const std::vector<std::string>& sources,
                                   const ConsolidationLimits& limits) {
    std::vector<std::string> parts;
    std::vector<std::uintmax_t> sizes;
    // A segment consolidated before frees no space when compacted again, but it still
    // counts as an open database: for open files it may join a run.
    bool files_wanted = limits.wanted_fewer > 0;
    for (const auto& s : sources) {
        parts.push_back(consolidated_before(s) && !files_wanted ? "" : part_of_sealed(s));
        sizes.push_back(size_on_disk(s));
    }
    Consolidation result;
    std::size_t next = 0;
    for (const ConsolidationRun& run : plan_consolidation(parts, sizes, limits)) {
        while (next < run.first)
            result.sources.push_back(sources[next++]);
        result.sources.push_back(compact_run(sources, run));
        ++result.count.runs;
        result.count.segments += run.last - run.first + 1;
        next = run.last + 1;
    }
    while (next < sources.size())
        result.sources.push_back(sources[next++]);
    return result;
}

std::size_t sources_one_merge_may_open(std::size_t parallel_merges) {
    std::size_t limit = raise_open_file_limit();
    // Room for what else is open: the output's tables and lock, standard streams, an input.
    // At least 16 (a merge of 4 sources under `ulimit -n 40` failed with 10), at most 64.
    std::size_t other = std::clamp<std::size_t>(limit / 4, 16, 64);
    std::size_t budget = limit > other ? limit - other : 0;
    std::size_t per_merge = budget / std::max<std::size_t>(parallel_merges, 1);
    return std::max<std::size_t>(per_merge / kFilesPerDatabase, 2);
}

Consolidation fit_merge(const std::vector<std::string>& segments, const std::string& folder,
                        const MergeNeeds& needs) {
    Consolidation total;
    total.sources = segments;
    std::size_t max_sources = sources_one_merge_may_open(needs.parallel_merges);
    for (;;) {
        std::uintmax_t needed = needs.other_bytes + needs.reserve;
        for (const auto& s : total.sources)
            needed += size_on_disk(s);
        std::uintmax_t available = available_space(folder.empty() ? "." : folder);
        std::size_t count = needs.other_sources + total.sources.size();
        if (needed <= available && count <= max_sources)
            return total;
        ConsolidationLimits limits;
        // The sources of a run are on the disk already; only its copy needs room.
        limits.room = available > needs.reserve ? available - needs.reserve : 0;
        limits.max_run = max_sources;
        limits.wanted_bytes = needed > available ? needed - available : 0;
        limits.wanted_fewer = count > max_sources ? count - max_sources : 0;
        Consolidation round = consolidate_segments(total.sources, limits);
        if (round.count.runs == 0)
            return total;
        round.count.for_space = limits.wanted_bytes > 0;
        round.count.for_files = limits.wanted_fewer > 0;
        total.sources = std::move(round.sources);
        total.count.add(round.count);
    }
}

void recover_consolidations(const std::string& work) {
    std::vector<fs::path> scratch, consolidated;
    std::error_code ec;
    for (fs::directory_iterator it(work, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().string();
        if (name.ends_with(kScratchSuffix))
            scratch.push_back(it->path());
        else if (consolidated_before(name) && !part_of_sealed(name).empty())
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
