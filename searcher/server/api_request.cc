#include "searcher/server/api_request.h"

#include "common/errors.h"
#include "searcher/request/request_options.h"
#include "searcher/server/api_error.h"

namespace gazette::server {
namespace {

void check_query_length(const std::string& query, const Limits& limits) {
    if (query.size() > limits.max_query_bytes) {
        throw ApiError(413, "query is " + std::to_string(query.size()) +
                                " bytes long; the limit is " +
                                std::to_string(limits.max_query_bytes));
    }
}

}  // namespace

SearchRequest search_request_from_params(const Params& params, const Limits& limits, double now) {
    SearchRequest request;
    try {
        for (const auto& [key, value] : params) {
            if (key == "q" || key == "query")
                check_query_length(value, limits);
            set_request_option(request, key, value);
        }
        validate_request(request);
    } catch (const UsageError& e) {
        throw ApiError(400, e.what());
    }
    if (request.query.find_first_not_of(" \t\r\n") == std::string::npos &&
        request.filters.empty() && request.like.empty()) {
        throw ApiError(400, "no query given (give q, like, or filters such as source to browse)");
    }
    if (request.recency.now == 0)
        request.recency.now = now;
    return request;
}

TimelineRequest timeline_request_from_params(const Params& params, const Limits& limits) {
    TimelineRequest request;
    try {
        for (const auto& [key, value] : params) {
            if (key == "q" || key == "query" || key == "compare")
                check_query_length(value, limits);
            set_timeline_option(request, key, value);
        }
        validate_timeline_request(request);
    } catch (const UsageError& e) {
        throw ApiError(400, e.what());
    }
    if (request.search.query.find_first_not_of(" \t\r\n") == std::string::npos &&
        request.search.filters.empty()) {
        throw ApiError(400, "no query given (give q, or filters such as source to browse)");
    }
    return request;
}

ExportApiRequest export_request_from_params(const Params& params, const Limits& limits,
                                            double now) {
    ExportApiRequest out;
    Params search;
    try {
        for (const auto& [key, value] : params) {
            if (key == "format") {
                out.format = parse_export_format(value);
            } else if (key == "fields") {
                out.fields = parse_export_fields(value);
            } else if (key == "offset" || key == "limit") {
                throw UsageError(key + " does not apply to an export: it writes every match");
            } else {
                search.emplace(key, value);
            }
        }
    } catch (const UsageError& e) {
        throw ApiError(400, e.what());
    }
    out.search = search_request_from_params(search, limits, now);
    out.search.snippets = wants_snippet(out.fields);
    return out;
}

std::string query_param(const Params& params, const Limits& limits) {
    auto it = params.find("q");
    if (it == params.end())
        throw ApiError(400, "q is missing");
    check_query_length(it->second, limits);
    return it->second;
}

}  // namespace gazette::server
