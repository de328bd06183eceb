// The periods of a timeline: days, ISO 8601 weeks (Monday to Sunday, numbered by the year
// of their Thursday), calendar months and years, each with a label ("1987-03-01",
// "2018-W05", "1987-03", "1987") and its first and last day. Days are counted from
// 1970-01-01 (common/date.h), so stepping through a range of periods is exact.
#pragma once

#include <string>
#include <string_view>

namespace gazette {

enum class TimelineInterval { kDay, kWeek, kMonth, kYear };

// "day", "week", "month" or "year"; anything else is a UsageError naming them.
TimelineInterval parse_timeline_interval(std::string_view name);
std::string timeline_interval_name(TimelineInterval interval);

// The interval a chart of `days` days (first to last dated match) reads best at: a few dozen
// bars at most. Used for interval=auto (the search page).
TimelineInterval interval_for_span(long long days);

struct Period {
    std::string label;
    long long first_day = 0;  // days since 1970-01-01
    long long last_day = 0;
};

// The period of `interval` that holds `day`.
Period period_of(long long day, TimelineInterval interval);

// "YYYY-MM-DD" of a day number.
std::string iso_day(long long day);

}  // namespace gazette
