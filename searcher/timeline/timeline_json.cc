#include "searcher/timeline/timeline_json.h"

#include <nlohmann/json.hpp>

#include "searcher/key_terms/key_terms_json.h"

namespace gazette {

std::string timeline_to_json(const Timeline& t) {
    nlohmann::ordered_json series = nlohmann::ordered_json::array();
    for (const auto& s : t.series) {
        nlohmann::ordered_json points = nlohmann::ordered_json::array();
        for (const auto& p : s.points) {
            nlohmann::ordered_json point = {
                {"period", p.period}, {"start", p.start}, {"end", p.end}, {"count", p.count}};
            if (t.normalized) {
                point["total"] = p.total;
                point["share"] = p.share;
            }
            if (p.key_terms)
                point["key_terms"] = key_terms_to_json(*p.key_terms);
            points.push_back(std::move(point));
        }
        series.push_back({{"query", s.query},
                          {"matches", s.matches},
                          {"undated", s.undated},
                          {"points", std::move(points)}});
    }
    nlohmann::ordered_json out = {{"timeline",
                                   {{"interval", timeline_interval_name(t.interval)},
                                    {"normalized", t.normalized},
                                    {"series", std::move(series)}}},
                                  {"took_ms", t.took_ms}};
    return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace gazette
