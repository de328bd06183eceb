#include "searcher/engine/copy_folding.h"

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "common/slots.h"

namespace gazette {

Xapian::doccount fold_window(Xapian::doccount offset, Xapian::doccount limit) {
    Xapian::doccount want = offset + limit;
    // A news page often holds a story with a copy or two. Every match asked for beyond the
    // page lowers the weight Xapian must beat to skip a candidate: 2 more (a tenth more on
    // long pages) cost less than 5 or than asking again (docs/duplicates.md).
    Xapian::doccount slack = std::max<Xapian::doccount>(2, want / 10);
    if (want > std::numeric_limits<Xapian::doccount>::max() - slack)
        return std::numeric_limits<Xapian::doccount>::max();
    return want + slack;
}

std::optional<std::vector<FoldedResult>> fold_copies(const Xapian::MSet& mset,
                                                     Xapian::doccount window,
                                                     const CopyClusters& clusters,
                                                     Xapian::doccount offset,
                                                     Xapian::doccount limit) {
    std::vector<FoldedResult> out;
    std::unordered_set<std::uint32_t> seen;
    Xapian::doccount stories = 0;
    Xapian::doccount position = 0;
    for (auto it = mset.begin(); it != mset.end() && stories < offset + limit; ++it, ++position) {
        std::uint32_t cluster = clusters.cluster_of(*it);
        if (cluster != 0 && !seen.insert(cluster).second)
            continue;  // a copy of an article ranked above it
        if (stories++ >= offset)
            out.push_back({position, *it, cluster, 0, {}});
    }
    bool all_matches = mset.size() < window || mset.get_matches_upper_bound() <= mset.size();
    if (stories < offset + limit && !all_matches)
        return std::nullopt;
    return out;
}

FoldedPage folded_page(Xapian::Enquire& enquire, const CopyClusters& clusters,
                       Xapian::doccount offset, Xapian::doccount limit,
                       Xapian::doccount check_at_least, Xapian::doccount doccount) {
    FoldedPage page;
    Xapian::doccount all = std::max(doccount, fold_window(offset, limit));
    for (Xapian::doccount window = fold_window(offset, limit);;
         window = window > all / 2 ? all : window * 2) {
        page.mset = enquire.get_mset(0, window, check_at_least);
        std::optional<std::vector<FoldedResult>> results =
            fold_copies(page.mset, window, clusters, offset, limit);
        if (results || window >= all) {
            if (results)
                page.results = std::move(*results);
            return page;
        }
    }
}

void count_copies(const CopySources& sources, const Xapian::Query& query,
                  const Xapian::Weight& weighting, bool with_ids, Xapian::doccount max_ids,
                  std::vector<FoldedResult>& results) {
    std::vector<std::string> id_terms;
    std::unordered_map<std::uint32_t, FoldedResult*> by_cluster;
    for (FoldedResult& result : results) {
        if (result.cluster == 0)
            continue;
        by_cluster[result.cluster] = &result;
        for (const CopyClusters::Member& member : sources.clusters.members(result.cluster)) {
            if (member.document != result.document && !member.id_term.empty())
                id_terms.push_back(member.id_term);
        }
    }
    if (id_terms.empty())
        return;
    Xapian::Enquire enquire(sources.db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, query,
                      Xapian::Query(Xapian::Query::OP_OR, id_terms.begin(), id_terms.end())));
    // Best first only matters for the ids; counting needs no weights.
    if (with_ids) {
        enquire.set_weighting_scheme(weighting);
    } else {
        enquire.set_weighting_scheme(Xapian::BoolWeight());
    }
    Xapian::MSet matched = enquire.get_mset(0, static_cast<Xapian::doccount>(id_terms.size()));
    for (auto it = matched.begin(); it != matched.end(); ++it) {
        auto found = by_cluster.find(sources.clusters.cluster_of(*it));
        if (found == by_cluster.end() || found->second->document == *it)
            continue;
        FoldedResult& result = *found->second;
        ++result.copies;
        if (with_ids && result.copy_ids.size() < max_ids)
            result.copy_ids.push_back(sources.documents.get_document(*it).get_value(kSlotId));
    }
}

}  // namespace gazette
