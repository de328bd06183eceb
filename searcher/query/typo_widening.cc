#include "searcher/query/typo_widening.h"

#include <algorithm>
#include <map>
#include <utility>

namespace gazette {
namespace {

bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

// The words behind a leaf term: the term when unprefixed, the unstemmed words of a "Z"
// stem; none for field-prefixed terms (an uppercase prefix).
std::vector<std::string> words_of(const std::string& term, const Xapian::QueryParser& parser) {
    std::vector<std::string> words;
    if (term.empty())
        return words;
    if (term[0] == 'Z' && term.size() > 1 && !is_upper(term[1])) {
        for (auto it = parser.unstem_begin(term); it != parser.unstem_end(term); ++it)
            words.push_back(*it);
    } else if (!is_upper(term[0])) {
        words.push_back(term);
    }
    return words;
}

// Visits the leaves a widening may change: the positive parts of the query only. The right
// of AND_NOT (NOT, -word) and of FILTER (filters) must keep meaning exactly what was typed;
// phrases, NEAR, wildcards and other operators with parameters are kept whole.
template <typename Leaf>
Xapian::Query rewrite(const Xapian::Query& q, const Leaf& leaf, bool& changed) {
    auto op = q.get_type();
    if (op == Xapian::Query::LEAF_TERM)
        return leaf(q, changed);
    std::size_t widenable = q.get_num_subqueries();
    switch (op) {
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_FILTER:
            widenable = std::min<std::size_t>(widenable, 1);
            break;
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_MAX:
            break;
        default:
            return q;
    }
    std::vector<Xapian::Query> subs;
    bool any = false;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        subs.push_back(i < widenable ? rewrite(q.get_subquery(i), leaf, any) : q.get_subquery(i));
    }
    if (!any)
        return q;
    changed = true;
    return Xapian::Query(op, subs.begin(), subs.end());
}

struct Widener {
    const TypoSources& sources;
    const TypoRules& rules;
    double weight;
    std::vector<TypoCorrection>& corrections;
    std::map<std::string, std::vector<std::string>> looked_up;  // word → its neighbours

    const std::vector<std::string>& neighbours_of(const std::string& word) {
        auto it = looked_up.find(word);
        if (it != looked_up.end())
            return it->second;
        auto found = typo_neighbours(sources.spelling, word, sources.freqs.get(word), rules);
        if (!found.empty())
            corrections.push_back({word, found});
        return looked_up.emplace(word, std::move(found)).first->second;
    }

    // The neighbour as the leaf's kind of term: stemmed where the typed word was.
    std::string term_for(const std::string& leaf_term, const std::string& neighbour) const {
        if (leaf_term[0] == 'Z')
            return "Z" + sources.stemmer(neighbour);
        return neighbour;
    }

    Xapian::Query operator()(const Xapian::Query& q, bool& changed) {
        const std::string term = *q.get_terms_begin();
        std::vector<Xapian::Query> extra;
        std::vector<std::string> seen{term};
        for (const std::string& word : words_of(term, sources.parser)) {
            for (const std::string& neighbour : neighbours_of(word)) {
                std::string t = term_for(term, neighbour);
                if (std::find(seen.begin(), seen.end(), t) != seen.end())
                    continue;
                seen.push_back(t);
                extra.emplace_back(t);
            }
        }
        if (extra.empty())
            return q;
        changed = true;
        // Several neighbours count as one word (BM25 scores a synonym group once).
        Xapian::Query alternatives = extra.size() == 1 ? extra[0]
                                                       : Xapian::Query(Xapian::Query::OP_SYNONYM,
                                                                       extra.begin(), extra.end());
        return Xapian::Query(Xapian::Query::OP_OR, q,
                             Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, alternatives, weight));
    }
};

}  // namespace

std::vector<std::string> typo_candidates(const Xapian::Query& query,
                                         const Xapian::QueryParser& parser) {
    std::vector<std::string> words;
    if (query.empty())
        return words;
    bool changed = false;
    auto collect = [&](const Xapian::Query& q, bool&) {
        for (std::string& word : words_of(*q.get_terms_begin(), parser))
            words.push_back(std::move(word));
        return q;
    };
    rewrite(query, collect, changed);
    return words;
}

WidenedQuery widen_typos(const Xapian::Query& query, const TypoSources& sources,
                         const TypoRules& rules, double weight) {
    WidenedQuery out;
    if (query.empty()) {
        out.query = query;
        return out;
    }
    Widener widener{sources, rules, weight, out.corrections, {}};
    bool changed = false;
    out.query = rewrite(
        query, [&](const Xapian::Query& q, bool& c) { return widener(q, c); }, changed);
    return out;
}

}  // namespace gazette
