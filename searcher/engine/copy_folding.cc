#include "searcher/engine/copy_folding.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "common/schema.h"
#include "common/slots.h"
#include "searcher/engine/database_set.h"

namespace gazette {
namespace {

std::string key_term(const std::string& key) {
    return std::string(kDuplicateKeyPrefix) + key;
}

}  // namespace

bool has_duplicate_key_terms(const Xapian::Database& db) {
    Xapian::doccount keyed = db.get_value_freq(kSlotDuplicateKey);
    return keyed > 0 && db.get_termfreq(std::string(kDuplicateKeyPrefix)) == keyed;
}

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

SharedKey SharedKeys::shared_key(Xapian::docid document) const {
    // The document is a match: no need to check that it exists (a lookup saved).
    std::string key =
        documents_.get_document(document, Xapian::DOC_ASSUME_VALID).get_value(kSlotDuplicateKey);
    if (key.empty())
        return {};
    Xapian::doccount holders = documents_.get_termfreq(key_term(key));
    if (holders < 2)
        return {};
    return {std::move(key), holders};
}

std::optional<std::vector<FoldedResult>> fold_copies(const Xapian::MSet& mset,
                                                     Xapian::doccount window,
                                                     const SharedKeys& keys,
                                                     Xapian::doccount offset,
                                                     Xapian::doccount limit) {
    std::vector<FoldedResult> out;
    std::unordered_set<std::string> seen;
    Xapian::doccount stories = 0;
    Xapian::doccount position = 0;
    for (auto it = mset.begin(); it != mset.end() && stories < offset + limit; ++it, ++position) {
        SharedKey shared = keys.shared_key(*it);
        if (!shared.key.empty() && !seen.insert(shared.key).second)
            continue;  // a copy of an article ranked above it
        if (stories++ >= offset)
            out.push_back({position, *it, std::move(shared), 0, {}});
    }
    bool all_matches = mset.size() < window || mset.get_matches_upper_bound() <= mset.size();
    if (stories < offset + limit && !all_matches)
        return std::nullopt;
    return out;
}

FoldedPage folded_page(Xapian::Enquire& enquire, const SharedKeys& keys, Xapian::doccount offset,
                       Xapian::doccount limit, Xapian::doccount check_at_least,
                       Xapian::doccount doccount, const Deadline& deadline) {
    FoldedPage page;
    Xapian::doccount all = std::max(doccount, fold_window(offset, limit));
    for (Xapian::doccount window = fold_window(offset, limit);;
         window = window > all / 2 ? all : window * 2) {
        page.mset = enquire.get_mset(0, window, check_at_least);
        std::optional<std::vector<FoldedResult>> results =
            fold_copies(page.mset, window, keys, offset, limit);
        if (results || window >= all) {
            if (results)
                page.results = std::move(*results);
            return page;
        }
        // Each try is a whole match: an expensive query must not take several budgets.
        check_deadline(deadline, "folding near-duplicates");
    }
}

void count_copies(const Xapian::Database& db, const SharedKeys& keys, const Xapian::Query& query,
                  const CopyCounting& counting, std::vector<FoldedResult>& results) {
    std::vector<std::string> terms;
    std::unordered_map<std::string, FoldedResult*> by_key;
    Xapian::doccount most = 0;
    for (FoldedResult& result : results) {
        if (result.shared.key.empty())
            continue;
        by_key[result.shared.key] = &result;
        terms.push_back(key_term(result.shared.key));
        most += result.shared.holders;
    }
    if (terms.empty())
        return;
    // One match for the whole page: the query's tree (a wildcard's thousands of terms) is
    // built once.
    check_deadline(counting.deadline, "counting near-duplicates");
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, query,
                      Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end())));
    if (counting.deadline) {
        std::chrono::duration<double> left = *counting.deadline - std::chrono::steady_clock::now();
        enquire.set_time_limit(std::max(left.count(), 0.001));
    }
    if (!counting.with_ids) {
        // Counted by the keys' values of the matching copies: no document is read, and the
        // bounds are exact because every candidate is checked.
        Xapian::ValueCountMatchSpy per_key(kSlotDuplicateKey);
        enquire.add_matchspy(&per_key);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.get_mset(0, 0, most);
        for (auto it = per_key.values_begin(); it != per_key.values_end(); ++it) {
            auto found = by_key.find(*it);
            if (found != by_key.end())  // the result matches too: not its own copy
                found->second->copies = it.get_termfreq() > 0 ? it.get_termfreq() - 1 : 0;
        }
        return;
    }
    // The ids best first: the copies' documents are read.
    enquire.set_weighting_scheme(*counting.weighting);
    Xapian::MSet matched = enquire.get_mset(0, most);
    for (auto it = matched.begin(); it != matched.end(); ++it) {
        Xapian::Document doc = matched_document(keys.documents(), *it);
        auto found = by_key.find(doc.get_value(kSlotDuplicateKey));
        if (found == by_key.end() || found->second->document == *it)
            continue;
        FoldedResult& result = *found->second;
        ++result.copies;
        if (result.copy_ids.size() < counting.max_ids)
            result.copy_ids.push_back(doc.get_value(kSlotId));
    }
}

}  // namespace gazette
