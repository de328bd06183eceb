#include "searcher/engine/recency.h"

#include <cmath>
#include <cstdlib>
#include <vector>

#include "common/date.h"
#include "common/slots.h"

namespace gazette {
namespace {

constexpr double kSecondsPerDay = 86400.0;
constexpr double kQuantum = 1000.0;  // boosts are multiples of weight / kQuantum

long long day_number(const std::string& yyyymmdd) {
    if (yyyymmdd.size() != 8)
        return 0;
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
    if (lo.empty() || hi.empty() || o.weight <= 0)
        return Xapian::Query();
    long long now_day = static_cast<long long>(std::floor(o.now / kSecondsPerDay));
    long long first = day_number(lo), last = day_number(hi);
    CivilDate now_date = civil_from_days(now_day);
    // Every day after `now` has age 0 and the full boost. Listing them one by one would make
    // the map (copied into every search) as long as the archive when `now` lies in its past,
    // so days up to the end of now's month are mapped by day and later ones by month.
    long long month_end =
        days_from_civil(CivilDate{now_date.month == 12 ? now_date.year + 1 : now_date.year,
                                  now_date.month == 12 ? 1 : now_date.month + 1, 1}) -
        1;
    std::vector<Xapian::Query> parts;
    auto* by_day = new Xapian::ValueMapPostingSource(kSlotDay);
    by_day->set_default_weight(0);
    bool any_day = false;
    // Walk from the newest day back: boosts only shrink with age, so stop once they vanish.
    for (long long day = std::min(last, month_end); day >= first; --day) {
        double boost = recency_boost(static_cast<double>(now_day - day), o);
        if (boost <= 0)
            break;
        by_day->add_mapping(compact_date_text(civil_from_days(day)), boost);
        any_day = true;
    }
    if (any_day) {
        parts.emplace_back(by_day->release());
    } else {
        delete by_day;
    }
    if (last > month_end) {
        auto* by_month = new Xapian::ValueMapPostingSource(kSlotMonth);
        by_month->set_default_weight(0);
        CivilDate end = civil_from_days(last);
        for (CivilDate m{now_date.year, now_date.month, 1};;) {
            if (++m.month > 12) {
                m.month = 1;
                ++m.year;
            }
            if (m.year > end.year || (m.year == end.year && m.month > end.month))
                break;
            by_month->add_mapping(year_month_text(m), recency_boost(0, o));
        }
        parts.emplace_back(by_month->release());
    }
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query RecencyQueryCache::get(const Xapian::Database& db, const RecencyOptions& o) {
    auto key = std::make_tuple(static_cast<long long>(std::floor(o.now / kSecondsPerDay)),
                               o.half_life_days, o.weight, db.get_value_lower_bound(kSlotDay),
                               db.get_value_upper_bound(kSlotDay));
    if (auto it = cache_.find(key); it != cache_.end())
        return it->second;
    if (cache_.size() >= kMaxEntries)
        cache_.clear();
    return cache_.emplace(key, recency_query(db, o)).first->second;
}

}  // namespace gazette
