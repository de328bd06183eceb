#include "searcher/cli/score_explanation_text.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace gazette {
namespace {

std::string weight_text(double weight) {
    char text[32];
    std::snprintf(text, sizeof text, "%11.6f", weight);
    return text;
}

// "ukrain (title+body)", "ukraine for ukrane (title+body)", "zelenskyy with zelensky (people)".
std::string part_text(const ScorePart& p) {
    std::string text;
    std::string to;
    for (const std::string& t : p.to)
        to += (to.empty() ? "" : " or ") + t;
    if (p.kind == ScorePartKind::kTypo) {
        text = to + (p.term.empty() ? "" : " for " + p.term);
    } else if (p.kind == ScorePartKind::kNameVariant) {
        text = p.term + " with " + to;
    } else {
        text = p.term;
    }
    if (!p.field.empty())
        text += (text.empty() ? "(" : " (") + p.field + ")";
    return text;
}

}  // namespace

void print_score_explanation(std::ostream& out, const ScoreExplanation& e) {
    out << "\nscore of " << e.id << ": ";
    if (!e.matches) {
        out << "it does not match this query\n";
        return;
    }
    if (!e.duplicate_of.empty()) {
        out << "folded as a near-duplicate into result " << e.rank << " (" << e.duplicate_of << ")";
    } else if (e.rank > 0) {
        out << "rank " << e.rank;
    } else {
        out << "not in the first " << e.depth << " results";
    }
    out << "\n";
    for (const ScorePart& p : e.parts) {
        std::string kind(score_part_kind_name(p.kind));
        std::string what = part_text(p);
        if (!what.empty())
            kind.resize(std::max<std::size_t>(kind.size(), 13), ' ');
        out << weight_text(p.weight) << "  " << kind << (what.empty() ? "" : " " + what) << "\n";
    }
    out << weight_text(e.score) << "  total\n";
}

}  // namespace gazette
