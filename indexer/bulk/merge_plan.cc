#include "indexer/bulk/merge_plan.h"

#include "indexer/bulk/segment_merge.h"
#include "indexer/bulk/segments.h"
#include "indexer/bulk/summary_text.h"

namespace gazette {

MergePlan::MergePlan(std::string db_path, ScratchParts parts)
    : WritePlan(building(parts.paths()), parts.resumed_from()),
      db_path_(std::move(db_path)),
      parts_(std::move(parts)) {}

void MergePlan::finish(const std::vector<std::string>& written, BulkResult& result) {
    std::vector<std::string> sources;
    for (const auto& part : written) {
        for (auto& segment : segments_of(part))
            sources.push_back(std::move(segment));
    }
    result.segments = sources.size();
    count_merge(merge_segments(sources, db_path_), result);
    parts_.discard();
}

std::string MergePlan::summary(const BulkResult& r) const {
    std::string writers = std::to_string(r.writers) + (r.writers == 1 ? " writer" : " writers");
    std::string merged =
        r.segments > r.writers ? ", " + with_commas(r.segments) + " segments merged" : ", merged";
    return writers + merged + consolidation_note(r.consolidated);
}

}  // namespace gazette
