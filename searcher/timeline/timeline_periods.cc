#include "searcher/timeline/timeline_periods.h"

#include <cstdio>

#include "common/date.h"
#include "common/errors.h"

namespace gazette {
namespace {

// 1970-01-01 was a Thursday: ISO weekday 1 (Monday) .. 7 (Sunday).
int iso_weekday(long long day) {
    long long r = (day + 3) % 7;
    if (r < 0)
        r += 7;
    return static_cast<int>(r) + 1;
}

Period week_of(long long day) {
    long long monday = day - (iso_weekday(day) - 1);
    // The ISO year of a week is the year of its Thursday; week 1 holds the year's first one.
    long long thursday = monday + 3;
    int year = civil_from_days(thursday).year;
    long long week = (thursday - days_from_civil(CivilDate{year, 1, 1})) / 7 + 1;
    char label[32];
    std::snprintf(label, sizeof label, "%04d-W%02d", year, static_cast<int>(week));
    return Period{label, monday, monday + 6};
}

}  // namespace

TimelineInterval parse_timeline_interval(std::string_view name) {
    if (name == "day")
        return TimelineInterval::kDay;
    if (name == "week")
        return TimelineInterval::kWeek;
    if (name == "month")
        return TimelineInterval::kMonth;
    if (name == "year")
        return TimelineInterval::kYear;
    throw UsageError("unknown timeline interval \"" + std::string(name) +
                     "\" (use day, week, month or year)");
}

std::string timeline_interval_name(TimelineInterval interval) {
    switch (interval) {
        case TimelineInterval::kDay:
            return "day";
        case TimelineInterval::kWeek:
            return "week";
        case TimelineInterval::kMonth:
            return "month";
        case TimelineInterval::kYear:
            return "year";
    }
    return "month";
}

TimelineInterval interval_for_span(long long days) {
    if (days <= 92)
        return TimelineInterval::kDay;
    if (days <= 366)
        return TimelineInterval::kWeek;
    if (days <= 10 * 366)
        return TimelineInterval::kMonth;
    return TimelineInterval::kYear;
}

Period period_of(long long day, TimelineInterval interval) {
    CivilDate d = civil_from_days(day);
    char label[16];
    switch (interval) {
        case TimelineInterval::kDay:
            return Period{iso_day(day), day, day};
        case TimelineInterval::kWeek:
            return week_of(day);
        case TimelineInterval::kMonth: {
            std::snprintf(label, sizeof label, "%04d-%02d", d.year, d.month);
            long long first = days_from_civil(CivilDate{d.year, d.month, 1});
            CivilDate next =
                d.month == 12 ? CivilDate{d.year + 1, 1, 1} : CivilDate{d.year, d.month + 1, 1};
            return Period{label, first, days_from_civil(next) - 1};
        }
        case TimelineInterval::kYear:
            std::snprintf(label, sizeof label, "%04d", d.year);
            return Period{label, days_from_civil(CivilDate{d.year, 1, 1}),
                          days_from_civil(CivilDate{d.year + 1, 1, 1}) - 1};
    }
    return Period{iso_day(day), day, day};
}

bool parse_compact_day(std::string_view text, long long& day) {
    if (text.size() != 8)
        return false;
    int v[8];
    for (int i = 0; i < 8; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        v[i] = text[i] - '0';
    }
    CivilDate d{v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], v[4] * 10 + v[5], v[6] * 10 + v[7]};
    if (!is_valid_civil(d))
        return false;
    day = days_from_civil(d);
    return true;
}

std::string iso_day(long long day) {
    CivilDate d = civil_from_days(day);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
    return text;
}

}  // namespace gazette
