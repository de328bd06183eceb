// A JSON object of request options → SearchRequest, for --jsonl query lines and standing
// queries (gazette-index --alerts): every key goes through set_request_option, arrays repeat
// a filter ({"source": ["BBC", "Reuters"]}), "facets" may be a list of names.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "searcher/request/search_request.h"

namespace gazette {

// Keys in `skip` are left for the caller (e.g. "name" of a standing query). Throws
// UsageError naming the key for a value of the wrong kind or one set_request_option rejects.
void set_request_options_from_json(SearchRequest& request, const nlohmann::json& object,
                                   const std::vector<std::string>& skip = {});

// The same reading for other option setters (a timeline's): `set(key, value)` for each key of
// `object` not in `skip`, with strings as they are, numbers and true/false as JSON writes them,
// an array's elements one by one, and "facets" lists joined with commas.
void for_each_json_option(const nlohmann::json& object, const std::vector<std::string>& skip,
                          const std::function<void(const std::string&, const std::string&)>& set);

}  // namespace gazette
