#include "searcher/engine/result_json.h"

#include "searcher/key_terms/key_terms_json.h"

#include <nlohmann/json.hpp>

namespace gazette {
namespace {

nlohmann::json hit_to_json(const Hit& h) {
    return {{"rank", h.rank},
            {"id", h.id},
            {"score", h.score},
            {"title", h.title},
            {"date", h.date},
            {"source", h.source},
            {"url", h.url},
            {"snippet", h.snippet},
            {"duplicates", h.duplicates},
            {"duplicate_ids", h.duplicate_ids}};
}

nlohmann::json explanation_to_json(const ScoreExplanation& e) {
    nlohmann::json parts = nlohmann::json::array();
    for (const ScorePart& p : e.parts) {
        nlohmann::json part = {{"kind", score_part_kind_name(p.kind)}};
        if (!p.term.empty())
            part["term"] = p.term;
        if (!p.field.empty())
            part["field"] = p.field;
        if (!p.to.empty())
            part["to"] = p.to;
        part["weight"] = p.weight;
        parts.push_back(std::move(part));
    }
    nlohmann::json out = {{"id", e.id}, {"matches", e.matches}};
    // null: not among the first rank_depth results (or no match at all).
    out["rank"] = e.rank > 0 ? nlohmann::json(e.rank) : nlohmann::json(nullptr);
    out["rank_depth"] = e.depth;
    if (!e.duplicate_of.empty())
        out["duplicate_of"] = e.duplicate_of;
    out["score"] = e.score;
    out["parts"] = std::move(parts);
    return out;
}

}  // namespace

std::string results_to_json(const SearchResults& r) {
    nlohmann::json out = {
        {"query", r.query},
        {"parsed", r.parsed},
        {"estimated_total", r.estimated_total},
        {"total_lower_bound", r.total_lower_bound},
        {"total_upper_bound", r.total_upper_bound},
    };
    out["sort"] = r.sort;
    if (!r.corrected.empty())
        out["corrected"] = r.corrected;
    if (!r.typo_corrections.empty()) {
        nlohmann::json terms = nlohmann::json::array();
        for (const auto& c : r.typo_corrections)
            terms.push_back({{"term", c.term}, {"to", c.to}});
        out["corrected_terms"] = std::move(terms);
    }
    if (r.auto_corrected) {
        out["auto_corrected"] = true;
        out["original_query"] = r.original_query;
    }
    if (!r.explain.empty()) {
        nlohmann::json terms = nlohmann::json::array();
        for (const auto& t : r.explain)
            terms.push_back({{"term", t.term}, {"weight", t.weight}});
        out["explain"] = std::move(terms);
    }
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& h : r.results)
        hits.push_back(hit_to_json(h));
    out["results"] = std::move(hits);
    if (!r.facets.empty()) {
        nlohmann::json facets = nlohmann::json::object();
        for (const auto& f : r.facets) {
            nlohmann::json values = nlohmann::json::array();
            for (const auto& v : f.values)
                values.push_back({{"value", v.value}, {"count", v.count}});
            facets[f.name] = std::move(values);
        }
        out["facets"] = std::move(facets);
        out["facets_exact"] = r.facets_exact;
    }
    if (r.key_terms)
        out["key_terms"] = key_terms_to_json(*r.key_terms);
    if (!r.missing_shards.empty()) {
        out["partial"] = true;
        out["missing_shards"] = r.missing_shards;
    }
    if (r.explain_score)
        out["explain_score"] = explanation_to_json(*r.explain_score);
    out["took_ms"] = r.took_ms;
    if (r.profile) {
        out["profile"] = {{"parse_ms", r.profile->parse_ms},
                          {"rank_ms", r.profile->rank_ms},
                          {"match_set_ms", r.profile->match_set_ms},
                          {"documents_ms", r.profile->documents_ms},
                          {"snippets_ms", r.profile->snippets_ms},
                          {"key_terms_ms", r.profile->key_terms_ms},
                          {"match_set_memory_bytes", r.profile->match_set_memory_bytes}};
    }
    // Stored text was validated as UTF-8 at index time; "replace" keeps a single bad byte from
    // turning a whole answer into an exception.
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string error_to_json(const std::string& query, const std::string& message) {
    return nlohmann::json{{"query", query}, {"error", message}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace gazette
