#include "searcher/query/typo_widening.h"

#include <algorithm>
#include <map>
#include <utility>

#include "searcher/query/query_rewrite.h"

namespace gazette {
namespace {

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
        for (const std::string& word : words_behind(term, sources.parser)) {
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
        for (std::string& word : words_behind(*q.get_terms_begin(), parser))
            words.push_back(std::move(word));
        return q;
    };
    rewrite_leaves(query, RewriteScope::kPositiveLeaves, collect, changed);
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
    out.query = rewrite_leaves(
        query, RewriteScope::kPositiveLeaves,
        [&](const Xapian::Query& q, bool& c) { return widener(q, c); }, changed);
    return out;
}

}  // namespace gazette
