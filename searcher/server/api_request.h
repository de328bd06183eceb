// HTTP query-string parameters → SearchRequest. Every key goes through set_request_option,
// the one parser the command line and --jsonl use, so all front ends accept and reject the
// same input; only the checks that belong to the service (query length) are added here.
#pragma once

#include <map>
#include <string>

#include "searcher/export/export_fields.h"
#include "searcher/request/search_request.h"
#include "searcher/server/limits.h"
#include "searcher/timeline/timeline.h"

namespace gazette::server {

// Decoded query-string parameters; a repeated key (source=a&source=b) appears once per value.
using Params = std::multimap<std::string, std::string>;

// Throws ApiError(413) for a query over the length limit and ApiError(400) for anything
// set_request_option or validate_request rejects, or a request with neither words nor
// filters. `now` (seconds since epoch) is the recency reference unless `now` is given, as on
// the command line.
SearchRequest search_request_from_params(const Params& params, const Limits& limits, double now);

// /api/timeline: the keys of a search plus interval (day, week, month, year or auto),
// compare (repeat) and normalize, through set_timeline_option; errors as above.
TimelineRequest timeline_request_from_params(const Params& params, const Limits& limits);

// /api/export: the keys of a search plus format (csv, the default, or jsonl) and fields
// (export_fields.h); offset and limit do not apply to an export and are refused.
struct ExportApiRequest {
    SearchRequest search;
    ExportFormat format = ExportFormat::kCsv;
    std::vector<ExportField> fields = default_export_fields();
};
ExportApiRequest export_request_from_params(const Params& params, const Limits& limits, double now);

// The q parameter of /api/suggest, checked against the same length limit.
std::string query_param(const Params& params, const Limits& limits);

}  // namespace gazette::server
