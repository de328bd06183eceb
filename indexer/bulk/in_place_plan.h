// A small addition to a large database (or the resumption of one), written straight into it
// by one writer with synced commits: compacting the whole database again would copy far
// more than the new articles.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/bulk/write_plan.h"

namespace gazette {

class InPlacePlan : public WritePlan {
  public:
    // `resumed_from`: where an interrupted in-place run of the same inputs got to, if any.
    InPlacePlan(std::string db_path, const std::optional<RunPosition>& resumed_from);

    bool builds_parts() const override { return false; }
    void finish(const std::vector<std::string>&, BulkResult&) override {}  // written as it went
    std::string file_state_database() const override { return db_path_; }
    std::string summary(const BulkResult&) const override { return "updated in place"; }

  private:
    std::string db_path_;
};

}  // namespace gazette
