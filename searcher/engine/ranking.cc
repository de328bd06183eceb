#include "searcher/engine/ranking.h"

#include <cmath>
#include <vector>

#include "common/errors.h"

namespace gazette {
namespace {

// Expansion terms are word stems ("Z" + lower case): they match the query parser's own
// terms for plain words, and exclude field-prefixed copies of the same words (titles,
// names), filter terms, ids and folded name keys.
class StemTermsOnly : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        if (term.size() < 4 || term[0] != 'Z')
            return false;  // Z + at least 3 letters
        unsigned char c = term[1];
        if (c >= 'A' && c <= 'Z')
            return false;
        bool digits_only = true;
        for (std::size_t i = 1; i < term.size(); ++i)
            digits_only = digits_only && term[i] >= '0' && term[i] <= '9';
        return !digits_only;
    }
};

}  // namespace

void validate_ranking(const RankingOptions& o) {
    if (!(o.bm25_k1 >= 0) || !std::isfinite(o.bm25_k1))
        throw UsageError("bm25 k1 must be a number >= 0");
    if (!(o.bm25_b >= 0 && o.bm25_b <= 1))
        throw UsageError("bm25 b must be between 0 and 1");
    if (o.expand_terms > 100)
        throw UsageError("expand: at most 100 terms");
    if (o.expand_docs == 0 || o.expand_docs > 100)
        throw UsageError("expansion documents must be between 1 and 100");
    if (!(o.expand_weight >= 0) || !std::isfinite(o.expand_weight))
        throw UsageError("expansion weight must be a number >= 0");
}

Xapian::BM25Weight bm25_weight(const RankingOptions& o) {
    // k2 = 0 and k3 = 1 and min_normlen = 0.5 are Xapian's defaults, kept.
    return Xapian::BM25Weight(o.bm25_k1, 0, 1, o.bm25_b, 0.5);
}

Xapian::Query feedback_terms(const Xapian::Database& db, const Xapian::Query& query,
                             const RankingOptions& o) {
    if (o.expand_terms == 0 || query.empty())
        return {};
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(bm25_weight(o));
    Xapian::MSet top = enquire.get_mset(0, o.expand_docs);
    if (top.empty())
        return {};
    Xapian::RSet rset;
    for (auto it = top.begin(); it != top.end(); ++it)
        rset.add_document(*it);
    StemTermsOnly decider;
    // Exact term frequencies, so shards expand as one database would (see related_articles.cc).
    Xapian::ESet eset =
        enquire.get_eset(o.expand_terms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    if (eset.empty())
        return {};
    double best = eset.begin().get_weight();
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        double share = best > 0 ? it.get_weight() / best : 1.0;
        terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                           o.expand_weight * share);
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query expand_with_feedback(const Xapian::Database& db, const Xapian::Query& query,
                                   const RankingOptions& o) {
    Xapian::Query expansion = feedback_terms(db, query, o);
    if (expansion.empty())
        return query;
    // AND_MAYBE, not OR: the expansion re-ranks the query's matches but adds none, so totals,
    // facets and "no results" mean what the user's words say.
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, expansion);
}

}  // namespace gazette
