#include "searcher/query/name_variant_expansion.h"

#include <string>
#include <vector>

#include "common/schema.h"
#include "searcher/query/query_rewrite.h"

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

    Xapian::Query leaf(const Xapian::Query& q, bool& changed) const {
        std::string term = *q.get_terms_begin();
        std::vector<std::string> extra;
        for (const std::string& word : words_behind(term, parser)) {
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
        return rewrite_leaves(
            q, RewriteScope::kAllLeaves,
            [this](const Xapian::Query& l, bool& c) { return leaf(l, c); }, changed);
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
