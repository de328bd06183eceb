// Where a search's time went, stage by stage (--profile, profile=true): what one needs to see
// before making any part faster. A stage is timed only when it runs.
#pragma once

#include <chrono>
#include <cstddef>

namespace gazette {

struct StageTimes {
    double parse_ms = 0;      // query text → Xapian::Query (spelling, name variants, filters)
    double rank_ms = 0;       // the ranked match: Enquire::get_mset, collapse included
    double match_set_ms = 0;  // the match set: exact total and facets (match_sets.h)
    double documents_ms = 0;  // reading the hits' stored articles
    double snippets_ms = 0;   // choosing and highlighting the hits' passages
    double key_terms_ms = 0;  // sampling the top matches and scoring their words
    std::size_t match_set_memory_bytes = 0;  // what the match-set layer keeps, after the search
};

// Adds the time from construction to destruction to a stage.
class StageTimer {
  public:
    explicit StageTimer(double& stage) : stage_(stage), start_(std::chrono::steady_clock::now()) {}
    ~StageTimer() {
        stage_ +=
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_)
                .count();
    }
    StageTimer(const StageTimer&) = delete;
    StageTimer& operator=(const StageTimer&) = delete;

  private:
    double& stage_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace gazette
