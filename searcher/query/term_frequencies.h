// Term frequencies for the query side (name variants, "did you mean"), looked up once per
// query. Over local databases a lookup is a cheap B-tree probe. Over remote shards, Xapian
// 1.4's Database::get_termfreq and term_exists are a round trip to each shard in turn; there
// prefetch() asks for all the query's candidate terms at once, as one match of their OR with
// no documents wanted: Xapian gathers the statistics of every term from every shard in
// parallel (two round trips whatever the number of terms), and the MSet hands them back.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace gazette {

class TermFrequencies {
  public:
    // `batched`: prefetch() runs the one match (remote shards); otherwise it does nothing
    // and every get() asks the database.
    TermFrequencies(const Xapian::Database& db, bool batched) : db_(db), batched_(batched) {}

    void prefetch(const std::vector<std::string>& terms);
    // The number of documents holding `term` (0 when none): from the prefetched statistics
    // or, for a term not prefetched, from the database.
    Xapian::doccount get(const std::string& term);

  private:
    const Xapian::Database& db_;
    bool batched_;
    std::unordered_map<std::string, Xapian::doccount> known_;
};

}  // namespace gazette
