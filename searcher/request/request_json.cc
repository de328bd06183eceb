#include "searcher/request/request_json.h"

#include <algorithm>

#include "common/errors.h"
#include "searcher/request/request_options.h"

namespace gazette {

void for_each_json_option(const nlohmann::json& object, const std::vector<std::string>& skip,
                          const std::function<void(const std::string&, const std::string&)>& set) {
    if (!object.is_object())
        throw UsageError("not a JSON object");
    auto one = [&](const std::string& key, const nlohmann::json& v) {
        if (v.is_string()) {
            set(key, v.get<std::string>());
        } else if (v.is_boolean() || v.is_number()) {
            set(key, v.dump());
        } else {
            throw UsageError("\"" + key + "\" must be a string, number or true/false");
        }
    };
    for (const auto& [key, value] : object.items()) {
        if (std::find(skip.begin(), skip.end(), key) != skip.end())
            continue;
        if (value.is_array() && key != "facets") {
            for (const auto& v : value)
                one(key, v);
        } else if (value.is_array()) {  // "facets": ["source", "year"]
            std::string joined;
            for (const auto& v : value) {
                if (!v.is_string())
                    throw UsageError("\"facets\" must list names");
                joined += v.get<std::string>() + ",";
            }
            set(key, joined);
        } else {
            one(key, value);
        }
    }
}

void set_request_options_from_json(SearchRequest& request, const nlohmann::json& object,
                                   const std::vector<std::string>& skip) {
    for_each_json_option(object, skip, [&](const std::string& key, const std::string& value) {
        set_request_option(request, key, value);
    });
}

}  // namespace gazette
