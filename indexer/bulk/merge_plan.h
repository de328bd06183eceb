// A database built as scratch parts, one per writer (scratch_parts.h), each rolling segments,
// and all segments compacted into the database at the end: a new database, or a small one
// (an existing target is compacted together with them). Resumes the parts an interrupted
// run of the same inputs left.
#pragma once

#include <string>
#include <vector>

#include "indexer/bulk/scratch_parts.h"
#include "indexer/bulk/write_plan.h"

namespace gazette {

class MergePlan : public WritePlan {
  public:
    // `parts`: resumed or created, one per writer.
    MergePlan(std::string db_path, ScratchParts parts);

    bool builds_parts() const override { return true; }
    void finish(const std::vector<std::string>& written, BulkResult& result) override;
    std::string file_state_database() const override { return db_path_; }
    // "2 writers, merged", or "2 writers, 14 segments merged" when they rolled segments.
    std::string summary(const BulkResult& result) const override;

  private:
    std::string db_path_;
    ScratchParts parts_;
};

}  // namespace gazette
