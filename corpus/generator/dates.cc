#include "corpus/generator/dates.h"

#include <cstdio>
#include <stdexcept>

#include "common/date.h"

namespace gazette::generator {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

}  // namespace

DateSampler::DateSampler(int from_year, int to_year) : from_year_(from_year) {
    if (from_year > to_year)
        throw std::invalid_argument("the first year comes after the last");
    std::uint64_t weight = 1000, total = 0;
    for (int y = from_year; y <= to_year; ++y) {
        total += weight;
        cumulative_.push_back(total);
        weight = weight * 107 / 100;
    }
}

std::int64_t DateSampler::sample(Rng& rng) const {
    const std::uint64_t u = rng.below(cumulative_.back());
    std::size_t i = 0;
    while (cumulative_[i] <= u)  // at most a few dozen years: a linear scan is fine
        ++i;
    const int year = from_year_ + static_cast<int>(i);
    const long long first = days_from_civil({year, 1, 1});
    const long long days_in_year = days_from_civil({year + 1, 1, 1}) - first;
    const long long day = first + static_cast<long long>(rng.below(days_in_year));
    const std::int64_t second_of_day = 5 * 3600 + static_cast<std::int64_t>(rng.below(19 * 3600));
    return day * kSecondsPerDay + second_of_day;
}

DateParts date_parts(std::int64_t seconds) {
    const std::int64_t days = floor_div(seconds, kSecondsPerDay);
    const CivilDate d = civil_from_days(days);
    const int weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);  // 1970-01-01: Thursday
    return {d.year, d.month, d.day, weekday};
}

std::string format_timestamp(std::int64_t seconds) {
    const std::int64_t days = floor_div(seconds, kSecondsPerDay);
    const std::int64_t rest = seconds - days * kSecondsPerDay;
    const CivilDate d = civil_from_days(days);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                  static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                  static_cast<int>(rest % 60));
    return buf;
}

}  // namespace gazette::generator
