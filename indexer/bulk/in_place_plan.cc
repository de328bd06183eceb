#include "indexer/bulk/in_place_plan.h"

namespace gazette {

InPlacePlan::InPlacePlan(std::string db_path, const std::optional<RunPosition>& resumed_from)
    : WritePlan({PlannedWriter{db_path, WriterRole::kInPlace}}, resumed_from),
      db_path_(std::move(db_path)) {}

}  // namespace gazette
