#include "searcher/recency.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "common/date.h"
#include "common/slots.h"

namespace gazette {
namespace {

constexpr double kSecondsPerDay = 86400.0;
constexpr double kQuantum = 1000.0;  // boosts are multiples of weight / kQuantum

long long day_number(const std::string& yyyymmdd) {
    if (yyyymmdd.size() != 8) return 0;
    int v = std::atoi(yyyymmdd.c_str());
    return days_from_civil(CivilDate{v / 10000, v / 100 % 100, v % 100});
}

}  // namespace

double recency_boost(double age_days, const RecencyOptions& o) {
    double raw = o.weight * std::pow(0.5, std::max(0.0, age_days) / o.half_life_days);
    return std::round(raw / o.weight * kQuantum) * o.weight / kQuantum;
}

Xapian::Query recency_query(const Xapian::Database& db, const RecencyOptions& o) {
    std::string lo = db.get_value_lower_bound(kSlotDay);
    std::string hi = db.get_value_upper_bound(kSlotDay);
    if (lo.empty() || hi.empty() || o.weight <= 0) return Xapian::Query();
    long long now_day = static_cast<long long>(std::floor(o.now / kSecondsPerDay));
    long long first = day_number(lo), last = day_number(hi);
    auto* source = new Xapian::ValueMapPostingSource(kSlotDay);
    source->set_default_weight(0);
    // Walk from the newest day back: boosts only shrink with age, so stop once they vanish.
    for (long long day = last; day >= first; --day) {
        double boost = recency_boost(static_cast<double>(now_day - day), o);
        if (boost <= 0) break;
        CivilDate d = civil_from_days(day);
        char key[16];
        std::snprintf(key, sizeof key, "%04d%02d%02d", d.year, d.month, d.day);
        source->add_mapping(key, boost);
    }
    return Xapian::Query(source->release());
}

}  // namespace gazette
