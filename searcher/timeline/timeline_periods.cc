#include "searcher/timeline/timeline_periods.h"

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
    std::string label = year_text(year) + (week < 10 ? "-W0" : "-W") + std::to_string(week);
    return Period{std::move(label), monday, monday + 6};
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
    switch (interval) {
        case TimelineInterval::kDay:
            return Period{iso_day(day), day, day};
        case TimelineInterval::kWeek:
            return week_of(day);
        case TimelineInterval::kMonth: {
            long long first = days_from_civil(CivilDate{d.year, d.month, 1});
            CivilDate next =
                d.month == 12 ? CivilDate{d.year + 1, 1, 1} : CivilDate{d.year, d.month + 1, 1};
            return Period{year_month_text(d), first, days_from_civil(next) - 1};
        }
        case TimelineInterval::kYear:
            return Period{year_text(d.year), days_from_civil(CivilDate{d.year, 1, 1}),
                          days_from_civil(CivilDate{d.year + 1, 1, 1}) - 1};
    }
    return Period{iso_day(day), day, day};
}

std::string iso_day(long long day) {
    return iso_date_text(civil_from_days(day));
}

}  // namespace gazette
