// ISO 8601 dates: parsing article dates and query date bounds, and formatting them back.
// All times are reduced to seconds since 1970-01-01T00:00:00Z (UTC).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette {

struct CivilDate {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31
};

// Days since 1970-01-01 of a proleptic Gregorian date (negative before 1970).
long long days_from_civil(CivilDate d);
CivilDate civil_from_days(long long days);

bool is_valid_civil(CivilDate d);

struct ParsedDate {
    double timestamp = 0;    // seconds since epoch, UTC
    std::string normalized;  // "YYYY-MM-DD" or "YYYY-MM-DDThh:mm:ssZ"
};

// An article date: "YYYY-MM-DD", optionally followed by 'T' or ' ' and "hh:mm[:ss[.frac]]"
// and a zone ("Z", "+hh:mm", "+hhmm", "+hh"). Returns nullopt when it is not such a date.
std::optional<ParsedDate> parse_iso_datetime(std::string_view text);

// A bound of a date range in a query: "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or an article
// date-time). `end_of_period` picks the last second of the period instead of the first, so
// that `..2024` includes all of 2024. Returns nullopt when it is not such a date.
std::optional<double> parse_date_bound(std::string_view text, bool end_of_period);

// "YYYY-MM-DD", "YYYYMMDD", "YYYY-MM" and "YYYY" of a date, each number zero-padded as
// printf's "%04d" and "%02d" pad it. Written by hand: a timeline writes two dates per period
// and the indexer four per article, and snprintf's format parsing was most of their cost.
std::string iso_date_text(CivilDate d);
std::string compact_date_text(CivilDate d);
std::string year_month_text(CivilDate d);
std::string year_text(int year);

// "YYYYMMDD" (format_compact_date, the day slot) → days since 1970-01-01; false when it is
// not such a date.
bool parse_compact_day(std::string_view text, long long& day);

// The same of a timestamp (UTC).
std::string format_iso_date(double timestamp);
std::string format_compact_date(double timestamp);
std::string format_year(double timestamp);
std::string format_year_month(double timestamp);

}  // namespace gazette
