#include "searcher/query/query_language.h"

#include "common/errors.h"
#include "common/fields.h"
#include "common/language.h"

namespace gazette {

std::string stem_language_for(const SearchRequest& request, const std::string& fallback) {
    auto it = request.filters.values.find(std::string(field_of(&Article::language).name));
    if (it != request.filters.values.end() && it->second.size() == 1) {
        return fold_filter_value(it->second.front());
    }
    return fallback;
}

void check_stem_language(const std::string& language) {
    if (!is_language_code(language)) {
        throw UsageError("the query language must be an ISO 639-1 code such as en or fr, not \"" +
                         language + "\"");
    }
}

}  // namespace gazette
