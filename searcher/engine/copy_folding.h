// Near-duplicates folded after the match instead of by Xapian's collapse, on databases whose
// articles carry their key as a term (kDuplicateKeyPrefix, common/schema.h).
//
// Xapian's collapse reads the key of every candidate and keeps a table of them, although
// most articles have no copy (5% of the news corpus has one): on news queries that was a
// fifth of the match's instructions (docs/duplicates.md). Here Xapian ranks without collapsing and
// only the page's articles are looked at: a key term held by one article means no copy. The
// page is the one the collapse gives: both keep the first article of each key in the match's
// order, and the first `window` matches hold the page whenever they hold that many distinct
// stories. The copy counts are exact (Xapian's are a lower bound: the copies it happened to
// see before it stopped).
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "searcher/engine/time_budget.h"

namespace gazette {

// True when every article of `db` with a near-duplicate key also carries its key terms (two
// statistics, no scan): databases indexed before the terms existed collapse by Xapian.
bool has_duplicate_key_terms(const Xapian::Database& db);

// Pages reaching deeper are left to Xapian's collapse: folding reads a key per match before
// the page, which costs more than the collapse's table when there are thousands of them.
inline constexpr Xapian::doccount kFoldAtMost = 1000;

// How many matches the match is asked for to fill the page `offset`..`offset + limit`: a few
// more, so that the copies among them rarely leave the page short.
Xapian::doccount fold_window(Xapian::doccount offset, Xapian::doccount limit);

// An article's near-duplicate key when other articles hold it too.
struct SharedKey {
    std::string key;               // "" = no other article shares its key
    Xapian::doccount holders = 0;  // the articles holding it, this one too
};

struct FoldedResult {
    Xapian::doccount position = 0;  // in the MSet
    Xapian::docid document = 0;
    SharedKey shared;
    Xapian::doccount copies = 0;        // the other articles with its key that the query matches
    std::vector<std::string> copy_ids;  // theirs, best first, when asked for
};

// Where keys are read: `documents` has the match's docids, read in this process.
class SharedKeys {
  public:
    explicit SharedKeys(const Xapian::Database& documents) : documents_(documents) {}
    // `document`'s key when another article holds it too, else an empty one.
    SharedKey shared_key(Xapian::docid document) const;
    const Xapian::Database& documents() const { return documents_; }

  private:
    const Xapian::Database& documents_;
};

// Results `offset` to `offset + limit` of `mset`, the first `window` matches in the search's
// order, with every article after the first of its key left out; nullopt when `mset` holds
// fewer distinct stories than that and more matches exist (a larger window is needed).
std::optional<std::vector<FoldedResult>> fold_copies(const Xapian::MSet& mset,
                                                     Xapian::doccount window,
                                                     const SharedKeys& keys,
                                                     Xapian::doccount offset,
                                                     Xapian::doccount limit);

struct FoldedPage {
    Xapian::MSet mset;  // the matches the page was folded from
    std::vector<FoldedResult> results;
};

// Runs `enquire` (not collapsing) for the page `offset`..`offset + limit` of stories, asking
// for more matches until the page is full or every match is in.
// Past `deadline` it asks no more (TimeBudgetExceeded).
FoldedPage folded_page(Xapian::Enquire& enquire, const SharedKeys& keys, Xapian::doccount offset,
                       Xapian::doccount limit, Xapian::doccount check_at_least,
                       Xapian::doccount doccount, const Deadline& deadline = std::nullopt);

struct CopyCounting {
    bool with_ids = false;                      // also the copies' ids, best first by `weighting`
    const Xapian::Weight* weighting = nullptr;  // required with_ids
    Xapian::doccount max_ids = 0;
    Deadline deadline;  // the match stops there (Xapian's time limit); past it, none is run
};

// Sets each result's `copies` (and its `copy_ids`) from one match of `query` over `db`
// limited to the page's keys.
void count_copies(const Xapian::Database& db, const SharedKeys& keys, const Xapian::Query& query,
                  const CopyCounting& counting, std::vector<FoldedResult>& results);

}  // namespace gazette
