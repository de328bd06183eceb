#include "searcher/query/query_language.h"

#include "common/fields.h"

namespace gazette {

std::string stem_language_for(const SearchRequest& request, const std::string& fallback) {
    auto it = request.filters.values.find(std::string(field_of(&Article::language).name));
    if (it != request.filters.values.end() && it->second.size() == 1) {
        return fold_filter_value(it->second.front());
    }
    return fallback;
}

}  // namespace gazette
