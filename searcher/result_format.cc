#include "searcher/result_format.h"

#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

namespace gazette {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kHighlight = "\033[1;33m";
constexpr const char* kReset = "\033[0m";

nlohmann::json hit_to_json(const Hit& h) {
    return {{"rank", h.rank}, {"id", h.id},         {"score", h.score}, {"title", h.title},
            {"date", h.date}, {"source", h.source}, {"url", h.url},     {"snippet", h.snippet},
            {"duplicates", h.duplicates}, {"duplicate_ids", h.duplicate_ids}};
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
    if (r.auto_corrected) {
        out["auto_corrected"] = true;
        out["original_query"] = r.original_query;
    }
    if (!r.explain.empty()) {
        nlohmann::json terms = nlohmann::json::array();
        for (const auto& t : r.explain) terms.push_back({{"term", t.term}, {"weight", t.weight}});
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
            for (const auto& v : f.values) values.push_back({{"value", v.value}, {"count", v.count}});
            facets[f.name] = std::move(values);
        }
        out["facets"] = std::move(facets);
        out["facets_exact"] = r.facets_exact;
    }
    if (!r.missing_shards.empty()) {
        out["partial"] = true;
        out["missing_shards"] = r.missing_shards;
    }
    out["took_ms"] = r.took_ms;
    // Stored text was validated as UTF-8 at index time; "replace" keeps a single bad byte from
    // turning a whole answer into an exception.
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string error_to_json(const std::string& query, const std::string& message) {
    return nlohmann::json{{"query", query}, {"error", message}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string snippet_for_terminal(const std::string& html, bool color) {
    std::string out;
    out.reserve(html.size());
    for (std::size_t i = 0; i < html.size();) {
        auto starts = [&](const char* s) { return html.compare(i, std::strlen(s), s) == 0; };
        if (starts("<mark>")) {
            if (color)
                out += kHighlight;
            i += 6;
        } else if (starts("</mark>")) {
            if (color)
                out += kReset;
            i += 7;
        } else if (starts("&amp;")) {
            out += '&';
            i += 5;
        } else if (starts("&lt;")) {
            out += '<';
            i += 4;
        } else if (starts("&gt;")) {
            out += '>';
            i += 4;
        } else if (starts("&quot;")) {
            out += '"';
            i += 6;
        } else if (starts("&#39;")) {
            out += '\'';
            i += 5;
        } else {
            char c = html[i++];
            out += (c == '\n' || c == '\t') ? ' ' : c;
        }
    }
    return out;
}

void print_results_text(std::ostream& out, const SearchResults& r, bool color) {
    auto style = [&](const char* code) { return color ? code : ""; };
    char took[32];
    std::snprintf(took, sizeof took, "%.1f ms", r.took_ms);
    out << style(kDim) << "about " << r.estimated_total << " results for \"" << r.query << "\" ("
        << took << ")" << style(kReset) << "\n";
    if (r.auto_corrected) {
        out << "showing results for " << style(kBold) << r.corrected << style(kReset)
            << " (no results for \"" << r.original_query << "\")\n";
    } else if (!r.corrected.empty()) {
        out << "did you mean: " << style(kBold) << r.corrected << style(kReset) << "\n";
    }
    if (!r.explain.empty()) {
        out << "related by:";
        for (const auto& t : r.explain) {
            char weight[32];
            std::snprintf(weight, sizeof weight, " %s (%.2f)", t.term.c_str(), t.weight);
            out << weight;
        }
        out << "\n";
    }
    for (const auto& h : r.results) {
        char rank[16];
        std::snprintf(rank, sizeof rank, "%3u. ", h.rank);
        char score[32];
        std::snprintf(score, sizeof score, "score %.2f", h.score);
        out << "\n"
            << rank << style(kBold) << (h.title.empty() ? "(no headline)" : h.title)
            << style(kReset) << "\n";
        out << "     " << style(kDim) << (h.date.empty() ? "undated" : h.date.substr(0, 10)) << "  "
            << (h.source.empty() ? "-" : h.source) << "  " << h.id << "  " << score << style(kReset)
            << "\n";
        if (!h.url.empty())
            out << "     " << style(kDim) << h.url << style(kReset) << "\n";
        if (!h.snippet.empty())
            out << "     " << snippet_for_terminal(h.snippet, color) << "\n";
        if (h.duplicates > 0) {
            out << "     " << style(kDim) << h.duplicates << " similar";
            for (const auto& id : h.duplicate_ids) out << (&id == &h.duplicate_ids[0] ? ": " : ", ") << id;
            out << style(kReset) << "\n";
        }
    }
    for (const auto& f : r.facets) {
        out << "\n" << style(kBold) << f.name << style(kReset)
            << (r.facets_exact ? "" : " (counts from the first matches only)") << "\n";
        for (const auto& v : f.values) {
            char count[32];
            std::snprintf(count, sizeof count, "%10u  ", v.count);
            out << count << v.value << "\n";
        }
    }
}

}  // namespace gazette
