// Publication dates over a span of years, denser towards the present: archives grow as
// outlets publish more and more of what they publish survives online.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/generator/random.h"

namespace gazette::generator {

class DateSampler {
  public:
    // Years from_year..to_year inclusive; throws std::invalid_argument when from > to.
    DateSampler(int from_year, int to_year);

    // Seconds since 1970-01-01T00:00:00Z, between 05:00 and 23:59 of some day.
    std::int64_t sample(Rng& rng) const;

  private:
    int from_year_;
    // Cumulative integer weights per year: each year 7% heavier than the one before.
    // Integers so that the draw is the same on every platform.
    std::vector<std::uint64_t> cumulative_;
};

// "2025-03-02T09:15:00Z": the normalised form gazette::article_from_json produces.
std::string format_timestamp(std::int64_t seconds);

// The date parts a URL and a dateline need.
struct DateParts {
    int year;
    int month;
    int day;
    int weekday;  // 0 = Sunday
};
DateParts date_parts(std::int64_t seconds);

}  // namespace gazette::generator
