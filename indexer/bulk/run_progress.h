// Where a run has got to, committed with every batch so that a killed run resumes exactly:
// "every record before record R of input file F has been sent to the writers". Each writer
// stores the position of its last commit in its database's metadata; a resumed run starts
// from the smallest one. Records after it are indexed again, which replaces them by id, so
// nothing is duplicated and nothing is missed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/schema.h"
#include "indexer/readers/input_files.h"

namespace gazette {

// The position is kept under kProgressKey (common/schema.h).
struct RunPosition {
    std::size_t file = 0;      // index into the plan's files
    std::uint64_t record = 0;  // records of that file already sent
    bool complete = false;     // the whole plan was sent

    bool operator<(const RunPosition& o) const {
        if (complete != o.complete)
            return o.complete;
        return file != o.file ? file < o.file : record < o.record;
    }
};

// Identifies a plan: the files (path, size, modification time), their formats and the
// options that change what is indexed. A run resumes only a run of the same plan. Plans
// that read standard input cannot be resumed (stdin cannot be read again): "" then.
std::string plan_fingerprint(const InputPlan& plan, const std::string& default_source);

std::string encode_position(const std::string& plan_id, const RunPosition& position);
// nullopt when the value is empty, malformed or belongs to another plan.
std::optional<RunPosition> decode_position(const std::string& value, const std::string& plan_id);

// Where an interrupted run of this plan got to, from the positions its writers committed in
// `databases`: the least advanced one. nullopt when they hold no position of this plan (a
// fresh run, or one of other inputs). A database of this run still empty (its writer was
// killed before its first commit) starts from the beginning.
std::optional<RunPosition> resume_position(const std::vector<std::string>& databases,
                                           const std::string& plan_id);

}  // namespace gazette
