#include "indexer/bulk/shard_routing.h"

#include <cstdint>

namespace gazette {

std::size_t writer_for_id(const std::string& id, std::size_t writers) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : id) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return static_cast<std::size_t>(h % writers);
}

std::size_t HashRouting::route(const Article& article, std::vector<std::size_t>& /*drop_from*/) {
    // An id only ever hashes to one shard: nothing to drop elsewhere.
    return writer_for_id(article.id, pool_.size());
}

}  // namespace gazette
