// Which articles share their near-duplicate key (indexer/duplicate_key.h) with another
// article of the database, read once per revision from the key's slot.
//
// Most articles have no copy (5% of the news corpus has one), yet Xapian's collapse reads
// every candidate's key and keeps a table of them, which was the largest part of what a
// default search cost over plain Xapian's. Knowing the few that share a key, the searcher
// asks Xapian for the page without collapsing and folds the copies itself
// (duplicates.h, fold_copies).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace gazette {

class CopyClusters {
  public:
    // An article that shares its key: its document and its unique id term (kIdPrefix), so
    // that a query can be limited to the copies without reading them.
    struct Member {
        Xapian::docid document = 0;
        std::string id_term;
    };

    CopyClusters() = default;
    // Reads `key_slot` (and the id slot, for the members' id terms) of `db`.
    CopyClusters(const Xapian::Database& db, Xapian::valueno key_slot);

    // 0 when no other article shares `document`'s key (or it has none), else its cluster.
    std::uint32_t cluster_of(Xapian::docid document) const {
        return document < cluster_of_.size() ? cluster_of_[document] : 0;
    }
    // Every article of `cluster` (1-based), in docid order.
    std::span<const Member> members(std::uint32_t cluster) const {
        return {members_.data() + first_[cluster - 1], members_.data() + first_[cluster]};
    }
    std::size_t clusters() const { return first_.empty() ? 0 : first_.size() - 1; }

    std::size_t memory_bytes() const;

  private:
    std::vector<std::uint32_t> cluster_of_;  // by docid
    std::vector<std::uint32_t> first_;       // cluster c's members: [first_[c - 1], first_[c])
    std::vector<Member> members_;
};

}  // namespace gazette
