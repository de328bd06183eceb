// Several values in one value slot (tags, people, ...), for facets over list fields.
// Encoding: the values joined by U+001F (unit separator), which values never contain: the
// encoder replaces control characters in values with spaces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette {

std::string encode_value_list(const std::vector<std::string_view>& values);

// Calls `visit` for each value of an encoded list (none for an empty string).
template <typename Visit>
void for_each_listed_value(std::string_view encoded, Visit&& visit) {
    while (!encoded.empty()) {
        auto sep = encoded.find('\x1f');
        visit(encoded.substr(0, sep));
        if (sep == std::string_view::npos)
            break;
        encoded.remove_prefix(sep + 1);
    }
}

}  // namespace gazette
