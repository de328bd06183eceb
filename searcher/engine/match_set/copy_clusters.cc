#include "searcher/engine/match_set/copy_clusters.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "common/fields.h"
#include "common/slots.h"

namespace gazette {
namespace {

// The indexer's keys are 16 hex digits, kept as numbers (12 bytes a document while
// reading); any other key by its text.
constexpr std::size_t kKeyDigits = 16;

bool key_number(const std::string& key, std::uint64_t& number) {
    if (key.size() != kKeyDigits)
        return false;
    auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), number, 16);
    return error == std::errc() && end == key.data() + key.size();
}

// Appends the documents of every run of equal keys longer than one to `clusters`, one
// vector per run. `pairs` is sorted by key, then docid.
template <typename Key>
void runs_of_equal_keys(const std::vector<std::pair<Key, Xapian::docid>>& pairs,
                        std::vector<std::vector<Xapian::docid>>& clusters) {
    std::size_t start = 0;
    for (std::size_t i = 1; i <= pairs.size(); ++i) {
        if (i < pairs.size() && pairs[i].first == pairs[start].first)
            continue;
        if (i - start > 1) {
            auto& run = clusters.emplace_back();
            for (std::size_t j = start; j < i; ++j)
                run.push_back(pairs[j].second);
        }
        start = i;
    }
}

}  // namespace

CopyClusters::CopyClusters(const Xapian::Database& db, Xapian::valueno key_slot) {
    std::vector<std::pair<std::uint64_t, Xapian::docid>> numbered;
    std::vector<std::pair<std::string, Xapian::docid>> texts;
    for (auto it = db.valuestream_begin(key_slot); it != db.valuestream_end(key_slot); ++it) {
        std::string key = *it;
        std::uint64_t number = 0;
        if (key_number(key, number)) {
            numbered.emplace_back(number, it.get_docid());
        } else if (!key.empty()) {
            texts.emplace_back(std::move(key), it.get_docid());
        }
    }
    std::sort(numbered.begin(), numbered.end());
    std::sort(texts.begin(), texts.end());
    std::vector<std::vector<Xapian::docid>> clusters;
    runs_of_equal_keys(numbered, clusters);
    runs_of_equal_keys(texts, clusters);

    std::vector<std::pair<Xapian::docid, std::uint32_t>> by_docid;  // member -> its cluster
    first_.push_back(0);
    for (const auto& run : clusters) {
        for (Xapian::docid id : run) {
            by_docid.emplace_back(id, static_cast<std::uint32_t>(first_.size()));
            members_.push_back({id, {}});
        }
        first_.push_back(static_cast<std::uint32_t>(members_.size()));
    }
    if (by_docid.empty())
        return;
    std::sort(by_docid.begin(), by_docid.end());
    cluster_of_.assign(by_docid.back().first + 1, 0);
    for (auto [id, cluster] : by_docid)
        cluster_of_[id] = cluster;

    // The members' ids, skipping through the id slot to each (a few percent of documents).
    std::vector<std::size_t> order(members_.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return members_[a].document < members_[b].document;
    });
    auto ids = db.valuestream_begin(kSlotId);
    for (std::size_t i : order) {
        if (ids == db.valuestream_end(kSlotId))
            break;
        ids.skip_to(members_[i].document);
        if (ids != db.valuestream_end(kSlotId) && ids.get_docid() == members_[i].document)
            members_[i].id_term = id_term(*ids);
    }
}

std::size_t CopyClusters::memory_bytes() const {
    std::size_t n = (cluster_of_.capacity() + first_.capacity()) * sizeof(std::uint32_t) +
                    members_.capacity() * sizeof(Member);
    for (const Member& m : members_)
        n += m.id_term.capacity() > 15 ? m.id_term.capacity() : 0;  // beyond the small buffer
    return n;
}

}  // namespace gazette
