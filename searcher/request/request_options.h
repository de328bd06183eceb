// Turning option strings into a SearchRequest, shared by the command line, --jsonl lines and
// the HTTP API, so every front end accepts and rejects exactly the same input. Each parser
// throws UsageError with a message that names the option and the accepted forms.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/fields.h"
#include "searcher/request/search_request.h"

namespace gazette {

SortOrder parse_sort_order(std::string_view name);
std::string sort_order_name(SortOrder order);

// "source,section,year" → {"source", "section", "year"}, aliases as their field's name
// ("tag" → "tags"); unknown names are a UsageError.
std::vector<std::string> parse_facet_list(std::string_view list);
// Every facet name there is, for messages and --help.
std::vector<std::string> facet_names();

// `--from` / `--to`: YYYY, YYYY-MM, YYYY-MM-DD or a date-time. `end` picks the last second
// of the period. `option` names the option in the error message.
double parse_date_option(std::string_view text, bool end, std::string_view option);

// Adds a `--source` style filter value under the field's name; `field` (a name or an alias)
// must be a field flagged kFieldFilterOption.
void add_filter(Filters& filters, std::string_view field, std::string_view value);

// The fields that take `--NAME VALUE` filter options (source, section, ...), in table order.
std::vector<const FieldSpec*> filter_fields();

double parse_half_life(double days);

// Checks what a single option cannot: --from after --to, limits, facet size.
void validate_request(const SearchRequest& request);

}  // namespace gazette

namespace gazette {

// Sets one request option from its text form. Keys: query (or q), limit, offset, sort, from,
// to, half_life, now, recency_weight, facets, facet_size, exact_total, snippets, explain
// (true/false: with like, the related query's terms; any other value: explain_score),
// explain_score (an article id), and every
// filter field's name or alias (source, section, authors, tags, people, places,
// organizations, language; author, tag, person, ...; repeat for OR).
// The command line, --jsonl objects and HTTP query strings all go through here.
// Throws UsageError naming the key for an unknown key or a bad value.
void set_request_option(SearchRequest& request, std::string_view key, std::string_view value);

}  // namespace gazette
