#include "common/date.h"

#include <cmath>
#include <cstdio>

#include "common/text/ascii.h"

namespace gazette {
namespace {

constexpr double kSecondsPerDay = 86400.0;

// What may stand around a date: spaces and tabs. A value with a line break in it is not a
// date (a record's field, or a query's date: bound, holds one line).
constexpr std::string_view kSpaceAroundDate = " \t";

// Reads exactly `n` digits at `pos`; advances pos. Returns -1 if they are not digits.
int read_digits(std::string_view s, std::size_t& pos, int n) {
    if (pos + n > s.size())
        return -1;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        char c = s[pos + i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    pos += n;
    return v;
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

// printf's "%0*d" of `value`: digits, zero-padded on the left to `width`; a negative value
// (a year before 1 BC, which no article has) goes to snprintf to keep its form exactly.
void append_padded(std::string& out, int value, int width) {
    if (value < 0) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%0*d", width, value);
        out += buf;
        return;
    }
    char digits[12];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value > 0);
    out.append(width > n ? width - n : 0, '0');
    while (n > 0)
        out += digits[--n];
}

// `d`'s first `parts` numbers (year, month, day), zero-padded, `separator` between them.
std::string date_text(CivilDate d, int parts, std::string_view separator) {
    std::string out;
    append_padded(out, d.year, 4);
    if (parts > 1) {
        out += separator;
        append_padded(out, d.month, 2);
    }
    if (parts > 2) {
        out += separator;
        append_padded(out, d.day, 2);
    }
    return out;
}

}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
long long days_from_civil(CivilDate d) {
    long long y = d.year - (d.month <= 2 ? 1 : 0);
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long mp = (d.month + 9) % 12;
    long long doy = (153 * mp + 2) / 5 + d.day - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long long z) {
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

bool is_valid_civil(CivilDate d) {
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
}

std::optional<ParsedDate> parse_iso_datetime(std::string_view text) {
    text = trim(text, kSpaceAroundDate);
    std::size_t pos = 0;
    CivilDate d;
    d.year = read_digits(text, pos, 4);
    if (d.year < 0 || pos >= text.size() || text[pos++] != '-')
        return std::nullopt;
    d.month = read_digits(text, pos, 2);
    if (d.month < 0 || pos >= text.size() || text[pos++] != '-')
        return std::nullopt;
    d.day = read_digits(text, pos, 2);
    if (d.day < 0 || !is_valid_civil(d))
        return std::nullopt;
    double seconds = static_cast<double>(days_from_civil(d)) * kSecondsPerDay;
    if (pos == text.size())
        return ParsedDate{seconds, iso_date_text(d)};
    if (text[pos] != 'T' && text[pos] != ' ' && text[pos] != 't')
        return std::nullopt;
    ++pos;
    int hh = read_digits(text, pos, 2);
    if (hh < 0 || hh > 23 || pos >= text.size() || text[pos++] != ':')
        return std::nullopt;
    int mm = read_digits(text, pos, 2);
    if (mm < 0 || mm > 59)
        return std::nullopt;
    int ss = 0;
    if (pos < text.size() && text[pos] == ':') {
        ++pos;
        ss = read_digits(text, pos, 2);
        if (ss < 0 || ss > 60)
            return std::nullopt;
        if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
            ++pos;
            std::size_t start = pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
                ++pos;
            if (pos == start)
                return std::nullopt;
        }
    }
    int offset_minutes = 0;
    if (pos < text.size()) {
        char z = text[pos++];
        if (z == 'Z' || z == 'z') {
            if (pos != text.size())
                return std::nullopt;
        } else if (z == '+' || z == '-') {
            int oh = read_digits(text, pos, 2);
            if (oh < 0 || oh > 23)
                return std::nullopt;
            int om = 0;
            if (pos < text.size() && text[pos] == ':')
                ++pos;
            if (pos < text.size()) {
                om = read_digits(text, pos, 2);
                if (om < 0 || om > 59)
                    return std::nullopt;
            }
            if (pos != text.size())
                return std::nullopt;
            offset_minutes = (oh * 60 + om) * (z == '+' ? 1 : -1);
        } else {
            return std::nullopt;
        }
    }
    seconds += hh * 3600.0 + mm * 60.0 + ss - offset_minutes * 60.0;
    long long whole = static_cast<long long>(std::floor(seconds));
    CivilDate utc = civil_from_days(static_cast<long long>(std::floor(whole / kSecondsPerDay)));
    long long rem = whole - days_from_civil(utc) * 86400LL;
    std::string normalized = iso_date_text(utc);
    normalized += 'T';
    append_padded(normalized, static_cast<int>(rem / 3600), 2);
    normalized += ':';
    append_padded(normalized, static_cast<int>(rem / 60 % 60), 2);
    normalized += ':';
    append_padded(normalized, static_cast<int>(rem % 60), 2);
    normalized += 'Z';
    return ParsedDate{seconds, std::move(normalized)};
}

std::optional<double> parse_date_bound(std::string_view text, bool end_of_period) {
    text = trim(text, kSpaceAroundDate);
    std::size_t pos = 0;
    CivilDate d{0, 1, 1};
    d.year = read_digits(text, pos, 4);
    if (d.year < 1)
        return std::nullopt;
    int precision = 1;  // 1 = year, 2 = month, 3 = day
    if (pos < text.size()) {
        if (text[pos++] != '-')
            return std::nullopt;
        d.month = read_digits(text, pos, 2);
        if (d.month < 1 || d.month > 12)
            return std::nullopt;
        precision = 2;
        if (pos < text.size()) {
            if (text[pos] != '-')
                return std::nullopt;
            auto full = parse_iso_datetime(text);
            if (!full)
                return std::nullopt;
            if (text.size() > 10)
                return full->timestamp;  // a date-time is an instant
            d.day = read_digits(text, ++pos, 2);
            precision = 3;
        }
    }
    if (!is_valid_civil(d))
        return std::nullopt;
    long long first_day = days_from_civil(d);
    if (!end_of_period)
        return static_cast<double>(first_day) * kSecondsPerDay;
    long long next_day;
    if (precision == 3) {
        next_day = first_day + 1;
    } else if (precision == 2) {
        next_day = first_day + days_in_month(d.year, d.month);
    } else {
        next_day = days_from_civil(CivilDate{d.year + 1, 1, 1});
    }
    return static_cast<double>(next_day) * kSecondsPerDay - 1.0;
}

namespace {
CivilDate civil_of(double timestamp) {
    return civil_from_days(static_cast<long long>(std::floor(timestamp / kSecondsPerDay)));
}
}  // namespace

bool parse_compact_day(std::string_view text, long long& day) {
    if (text.size() != 8)
        return false;
    std::size_t pos = 0;
    CivilDate d;
    d.year = read_digits(text, pos, 4);
    d.month = read_digits(text, pos, 2);
    d.day = read_digits(text, pos, 2);
    if (!is_valid_civil(d))  // read_digits gives -1 for a non-digit: never a valid date
        return false;
    day = days_from_civil(d);
    return true;
}

std::string iso_date_text(CivilDate d) {
    return date_text(d, 3, "-");
}

std::string compact_date_text(CivilDate d) {
    return date_text(d, 3, "");
}

std::string year_month_text(CivilDate d) {
    return date_text(d, 2, "-");
}

std::string year_text(int year) {
    return date_text(CivilDate{year, 1, 1}, 1, "");
}

std::string format_iso_date(double timestamp) {
    return iso_date_text(civil_of(timestamp));
}

std::string format_compact_date(double timestamp) {
    return compact_date_text(civil_of(timestamp));
}

std::string format_year(double timestamp) {
    return year_text(civil_of(timestamp).year);
}

std::string format_year_month(double timestamp) {
    return year_month_text(civil_of(timestamp));
}

}  // namespace gazette
