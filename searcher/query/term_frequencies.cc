#include "searcher/query/term_frequencies.h"

namespace gazette {

void TermFrequencies::prefetch(const std::vector<std::string>& terms) {
    if (!batched_)
        return;
    std::vector<Xapian::Query> leaves;
    for (const auto& term : terms) {
        if (!term.empty() && !known_.count(term))
            leaves.emplace_back(term);
    }
    if (leaves.empty())
        return;
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, leaves.begin(), leaves.end()));
    // No documents: only the statistics, which every shard sends before any match.
    Xapian::MSet mset = enquire.get_mset(0, 0);
    for (const auto& leaf : leaves) {
        std::string term = *leaf.get_terms_begin();
        known_[term] = mset.get_termfreq(term);
    }
}

Xapian::doccount TermFrequencies::get(const std::string& term) {
    auto it = known_.find(term);
    if (it != known_.end())
        return it->second;
    Xapian::doccount freq = db_.get_termfreq(term);
    known_.emplace(term, freq);
    return freq;
}

}  // namespace gazette
