#include "indexer/bulk/writer_routing.h"

#include <cstdint>

#include "common/hash.h"

namespace gazette {

std::size_t writer_for_id(const std::string& id, std::size_t writers) {
    return static_cast<std::size_t>(fnv1a(id) % writers);
}

std::size_t HashRouting::route(const Article& article, std::vector<std::size_t>& /*drop_from*/) {
    // An id only ever hashes to one shard: nothing to drop elsewhere.
    return writer_for_id(article.id, pool_.size());
}

}  // namespace gazette
