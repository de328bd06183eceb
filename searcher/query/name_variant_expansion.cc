#include "searcher/query/name_variant_expansion.h"

#include <string>
#include <vector>

#include "common/schema.h"

namespace gazette {
namespace {

struct Expander {
    const Xapian::QueryParser& parser;
    TermFrequencies* freqs;             // null while collecting
    std::vector<std::string>* collect;  // the candidate terms, when collecting
    NameFolder& folder;

    void add_if_present(std::vector<std::string>& terms, std::string term) const {
        for (const auto& t : terms) {
            if (t == term)
                return;
        }
        if (collect) {
            collect->push_back(std::move(term));
            return;
        }
        if (freqs->get(term) > 0)
            terms.push_back(std::move(term));
    }

    // The word(s) behind a leaf term: the term itself when unprefixed, the unstemmed words
    // of a "Z" stem; none for field-prefixed terms (uppercase prefix).
    std::vector<std::string> words_of(const std::string& term) const {
        std::vector<std::string> words;
        if (term.empty())
            return words;
        if (term[0] == 'Z' && term.size() > 1 && !(term[1] >= 'A' && term[1] <= 'Z')) {
            for (auto it = parser.unstem_begin(term); it != parser.unstem_end(term); ++it)
                words.push_back(*it);
        } else if (!(term[0] >= 'A' && term[0] <= 'Z')) {
            words.push_back(term);
        }
        return words;
    }

    Xapian::Query leaf(const Xapian::Query& q, bool& changed) const {
        std::string term = *q.get_terms_begin();
        std::vector<std::string> extra;
        for (const std::string& word : words_of(term)) {
            // Copied: fold() returns a reference its next call may change.
            std::vector<std::string> keys = folder.fold(word);
            for (const std::string& key : keys) {
                add_if_present(extra, std::string(kFoldedPrefix) + key);
                if (key != word && key != term)
                    add_if_present(extra, key);
            }
        }
        if (extra.empty())
            return q;
        changed = true;
        std::vector<Xapian::Query> group{q};
        for (const auto& t : extra)
            group.emplace_back(t);
        return Xapian::Query(Xapian::Query::OP_SYNONYM, group.begin(), group.end());
    }

    // Sets `changed` when anything below `q` was expanded.
    Xapian::Query rewrite(const Xapian::Query& q, bool& changed) const {
        auto op = q.get_type();
        if (op == Xapian::Query::LEAF_TERM)
            return leaf(q, changed);
        // Operators whose only parameters are their subqueries can be rebuilt; the others
        // (phrases and NEAR with their windows, wildcards, synonyms, value ranges, scaled
        // weights, posting sources) are kept whole.
        switch (op) {
            case Xapian::Query::OP_AND:
            case Xapian::Query::OP_OR:
            case Xapian::Query::OP_AND_NOT:
            case Xapian::Query::OP_XOR:
            case Xapian::Query::OP_AND_MAYBE:
            case Xapian::Query::OP_FILTER:
            case Xapian::Query::OP_MAX:
                break;
            default:
                return q;
        }
        std::vector<Xapian::Query> subs;
        bool any = false;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
            subs.push_back(rewrite(q.get_subquery(i), any));
        if (!any)
            return q;
        changed = true;
        return Xapian::Query(op, subs.begin(), subs.end());
    }
};

}  // namespace

std::vector<std::string> name_variant_candidates(const Xapian::Query& query,
                                                 const Xapian::QueryParser& parser,
                                                 NameFolder& folder) {
    std::vector<std::string> terms;
    if (query.empty())
        return terms;
    bool changed = false;
    Expander{parser, nullptr, &terms, folder}.rewrite(query, changed);
    return terms;
}

Xapian::Query expand_name_variants(const Xapian::Query& query, const Xapian::QueryParser& parser,
                                   TermFrequencies& freqs, NameFolder& folder) {
    if (query.empty())
        return query;
    bool changed = false;
    return Expander{parser, &freqs, nullptr, folder}.rewrite(query, changed);
}

Xapian::Query expand_name_variants(const Xapian::Query& query, const Xapian::QueryParser& parser,
                                   const Xapian::Database& db, NameFolder& folder) {
    TermFrequencies freqs(db, false);
    return expand_name_variants(query, parser, freqs, folder);
}

}  // namespace gazette
