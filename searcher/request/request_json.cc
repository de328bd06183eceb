#include "searcher/request/request_json.h"

#include <algorithm>

#include "common/errors.h"
#include "searcher/request/request_options.h"

namespace gazette {

void set_request_options_from_json(SearchRequest& request, const nlohmann::json& object,
                                   const std::vector<std::string>& skip) {
    if (!object.is_object())
        throw UsageError("not a JSON object");
    auto set = [&](const std::string& key, const nlohmann::json& v) {
        if (v.is_string()) {
            set_request_option(request, key, v.get<std::string>());
        } else if (v.is_boolean() || v.is_number()) {
            set_request_option(request, key, v.dump());
        } else {
            throw UsageError("\"" + key + "\" must be a string, number or true/false");
        }
    };
    for (const auto& [key, value] : object.items()) {
        if (std::find(skip.begin(), skip.end(), key) != skip.end())
            continue;
        if (value.is_array() && key != "facets") {
            for (const auto& v : value)
                set(key, v);
        } else if (value.is_array()) {  // "facets": ["source", "year"]
            std::string joined;
            for (const auto& v : value) {
                if (!v.is_string())
                    throw UsageError("\"facets\" must list names");
                joined += v.get<std::string>() + ",";
            }
            set_request_option(request, key, joined);
        } else {
            set(key, value);
        }
    }
}

}  // namespace gazette
