#include "searcher/cli/result_text.h"

#include <cstdio>
#include <cstring>

#include "searcher/cli/score_explanation_text.h"

namespace gazette {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kHighlight = "\033[1;33m";
constexpr const char* kReset = "\033[0m";

}  // namespace

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
    if (!r.typo_corrections.empty()) {
        // "Including results for: ukraine (for ukrane), witkoff (for witkof)"
        out << "Including results for:";
        const char* separator = " ";
        for (const auto& c : r.typo_corrections) {
            out << separator;
            for (std::size_t i = 0; i < c.to.size(); ++i)
                out << (i ? " or " : "") << style(kBold) << c.to[i] << style(kReset);
            out << " (for " << c.term << ")";
            separator = ", ";
        }
        out << "\n";
    }
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
            for (const auto& id : h.duplicate_ids)
                out << (&id == &h.duplicate_ids[0] ? ": " : ", ") << id;
            out << style(kReset) << "\n";
        }
    }
    if (r.key_terms) {
        out << "\n"
            << style(kBold) << "key terms" << style(kReset) << style(kDim) << " (of the top "
            << r.key_terms->sample_size << " matches against all " << r.key_terms->background_size
            << " articles)" << style(kReset) << "\n";
        for (const auto& t : r.key_terms->terms) {
            char line[64];
            std::snprintf(line, sizeof line, "%10.3f  ", t.score);
            out << line << t.term << style(kDim) << "  (" << t.sample_docs << " sampled, "
                << t.background_docs << " in all)" << style(kReset) << "\n";
        }
    }
    for (const auto& f : r.facets) {
        out << "\n"
            << style(kBold) << f.name << style(kReset)
            << (r.facets_exact ? ""
                               : " (estimated: counted before the shards' results were merged, or "
                                 "from the first matches only)")
            << "\n";
        for (const auto& v : f.values) {
            char count[32];
            std::snprintf(count, sizeof count, "%10u  ", v.count);
            out << count << v.value << "\n";
        }
    }
    if (r.explain_score)
        print_score_explanation(out, *r.explain_score);
}

}  // namespace gazette
