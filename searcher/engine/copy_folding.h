// Near-duplicates folded after the match instead of by Xapian's collapse, where the copy
// clusters of the database are known (match_set/copy_clusters.h: databases read in this
// process).
//
// Xapian's collapse reads the key of every candidate and keeps a table of them although
// most articles have no copy; here Xapian ranks without collapsing and only the page's few
// articles that have copies are looked at. The page is the one the collapse gives: both
// keep the first article of each cluster in the match's order, and the first `window`
// matches hold the page whenever they hold that many distinct stories. The copy counts are
// exact (Xapian's are a lower bound: the copies it happened to see before it stopped).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "searcher/engine/match_set/copy_clusters.h"

namespace gazette {

// How many matches beyond the page the match asks for, so that the copies among them
// rarely leave the page short (then it asks again for twice as many).
Xapian::doccount fold_window(Xapian::doccount offset, Xapian::doccount limit);

struct FoldedResult {
    Xapian::doccount position = 0;  // in the MSet
    Xapian::docid document = 0;
    std::uint32_t cluster = 0;          // 0 = no other article shares its key
    Xapian::doccount copies = 0;        // the other articles of its cluster the query matches
    std::vector<std::string> copy_ids;  // theirs, best first, when asked for
};

// Results `offset` to `offset + limit` of `mset`, the first `window` matches in the search's
// order, with every article after the first of its cluster left out; nullopt when `mset`
// holds fewer distinct stories than that and more matches exist (a larger window is needed).
std::optional<std::vector<FoldedResult>> fold_copies(const Xapian::MSet& mset,
                                                     Xapian::doccount window,
                                                     const CopyClusters& clusters,
                                                     Xapian::doccount offset,
                                                     Xapian::doccount limit);

struct FoldedPage {
    Xapian::MSet mset;  // the matches the page was folded from
    std::vector<FoldedResult> results;
};

// Runs `enquire` (not collapsing) for the page `offset`..`offset + limit` of stories, asking
// for more matches until the page is full or every match is in.
FoldedPage folded_page(Xapian::Enquire& enquire, const CopyClusters& clusters,
                       Xapian::doccount offset, Xapian::doccount limit,
                       Xapian::doccount check_at_least, Xapian::doccount doccount);

struct CopySources {
    const Xapian::Database& db;         // what the search matched over
    const Xapian::Database& documents;  // where ids are read (the same docids)
    const CopyClusters& clusters;
};

// Sets each result's `copies` (and with `with_ids` its `copy_ids`, at most `max_ids`, best
// first by `weighting`) from one match of `query` limited to the clusters' id terms.
void count_copies(const CopySources& sources, const Xapian::Query& query,
                  const Xapian::Weight& weighting, bool with_ids, Xapian::doccount max_ids,
                  std::vector<FoldedResult>& results);

}  // namespace gazette
