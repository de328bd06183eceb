#include "indexer/bulk/segments.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace gazette {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSealedInfix = ".seg-";
constexpr const char* kNextSuffix = ".next";
constexpr const char* kScratchSuffix = ".next.tmp";

}  // namespace

std::vector<std::string> sealed_segments(const std::string& part) {
    fs::path p(part);
    std::string prefix = p.filename().string() + kSealedInfix;
    std::vector<std::string> found;
    std::error_code ec;
    for (fs::directory_iterator it(p.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) == 0)
            found.push_back(it->path().string());
    }
    // K is zero-padded, so the names sort in the order the segments were written.
    std::sort(found.begin(), found.end());
    return found;
}

std::vector<std::string> segments_of(const std::string& part) {
    std::vector<std::string> all = sealed_segments(part);
    all.push_back(part);
    return all;
}

std::string next_sealed_name(const std::string& part) {
    // One past the highest K, not the count: consolidation (segment_consolidation.h) replaces
    // a run of segments with one named after the last of them, so K can have gaps.
    std::size_t next = 0;
    for (const std::string& sealed : sealed_segments(part)) {
        std::size_t k = 0;
        std::size_t at = sealed.rfind(kSealedInfix) + std::string(kSealedInfix).size();
        while (at < sealed.size() && sealed[at] >= '0' && sealed[at] <= '9')
            k = k * 10 + static_cast<std::size_t>(sealed[at++] - '0');
        next = std::max(next, k + 1);
    }
    char number[24];
    std::snprintf(number, sizeof number, "%06zu", next);
    return part + kSealedInfix + number;
}

std::string part_of_sealed(const std::string& path) {
    std::string name = fs::path(path).filename().string();
    std::size_t at = name.rfind(kSealedInfix);
    if (at == std::string::npos)
        return "";
    return (fs::path(path).parent_path() / name.substr(0, at)).string();
}

std::string next_segment_path(const std::string& part) {
    return part + kNextSuffix;
}

std::string next_segment_scratch_path(const std::string& part) {
    return part + kScratchSuffix;
}

void recover_segment_rolls(const std::string& work) {
    std::vector<fs::path> scratch, next;
    std::error_code ec;
    for (fs::directory_iterator it(work, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.ends_with(kScratchSuffix))
            scratch.push_back(it->path());
        else if (name.ends_with(kNextSuffix))
            next.push_back(it->path());
    }
    for (const auto& p : scratch)
        fs::remove_all(p);
    for (const auto& p : next) {
        std::string part =
            p.string().substr(0, p.string().size() - std::string(kNextSuffix).size());
        // The next segment is made only after the current one's last commit: the current
        // one, if still there, is complete and only its renaming was cut short.
        if (fs::exists(part))
            fs::rename(part, next_sealed_name(part));
        fs::rename(p, part);
    }
}

}  // namespace gazette
