#include "searcher/request/request_options.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "common/date.h"
#include "common/errors.h"
#include "common/fields.h"

namespace gazette {

SortOrder parse_sort_order(std::string_view name) {
    if (name == "relevance")
        return SortOrder::kRelevance;
    if (name == "newest")
        return SortOrder::kNewest;
    if (name == "oldest")
        return SortOrder::kOldest;
    if (name == "recency")
        return SortOrder::kRecency;
    throw UsageError("unknown sort \"" + std::string(name) +
                     "\" (use relevance, newest, oldest or recency)");
}

std::string sort_order_name(SortOrder order) {
    switch (order) {
        case SortOrder::kRelevance:
            return "relevance";
        case SortOrder::kNewest:
            return "newest";
        case SortOrder::kOldest:
            return "oldest";
        case SortOrder::kRecency:
            return "recency";
    }
    return "relevance";
}

std::vector<std::string> facet_names() {
    std::vector<std::string> names;
    for (const FacetSpec& facet : facets())
        names.emplace_back(facet.name);
    return names;
}

std::vector<std::string> parse_facet_list(std::string_view list) {
    std::vector<std::string> out;
    while (!list.empty()) {
        auto comma = list.find(',');
        std::string name(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        while (!name.empty() && name.back() == ' ')
            name.pop_back();
        while (!name.empty() && name.front() == ' ')
            name.erase(0, 1);
        if (name.empty())
            continue;
        const FacetSpec* facet = find_facet(name);
        if (!facet) {
            std::string all;
            for (const auto& k : facet_names())
                all += (all.empty() ? "" : ", ") + k;
            throw UsageError("unknown facet \"" + name + "\" (use any of " + all + ")");
        }
        name = std::string(facet->name);  // aliases count as their field
        bool seen = false;
        for (const auto& o : out)
            seen = seen || o == name;
        if (!seen)
            out.push_back(name);
    }
    return out;
}

double parse_date_option(std::string_view text, bool end, std::string_view option) {
    auto t = parse_date_bound(text, end);
    if (!t) {
        throw UsageError(std::string(option) + " \"" + std::string(text) +
                         "\" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    return *t;
}

std::vector<const FieldSpec*> filter_fields() {
    std::vector<const FieldSpec*> out;
    for (const auto& f : fields()) {
        if (f.has(kFieldFilterOption))
            out.push_back(&f);
    }
    return out;
}

void add_filter(Filters& filters, std::string_view field, std::string_view value) {
    const FieldSpec* f = find_field(field);
    if (!f || !f->has(kFieldFilterOption)) {
        throw UsageError("cannot filter on \"" + std::string(field) + "\"");
    }
    if (value.find_first_not_of(" \t") == std::string_view::npos) {
        throw UsageError("empty value for the " + std::string(f->name) + " filter");
    }
    filters.values[std::string(f->name)].emplace_back(value);
}

double parse_half_life(double days) {
    if (!(days > 0) || !std::isfinite(days)) {
        throw UsageError("--half-life must be a positive number of days");
    }
    return days;
}

void validate_request(const SearchRequest& r) {
    if (r.filters.from && r.filters.to && *r.filters.from > *r.filters.to) {
        throw UsageError("--from " + format_iso_date(*r.filters.from) + " is after --to " +
                         format_iso_date(*r.filters.to));
    }
    if (r.limit > kMaxLimit) {
        throw UsageError("limit " + std::to_string(r.limit) + " is above the maximum of " +
                         std::to_string(kMaxLimit));
    }
    if (r.offset > kMaxOffset) {
        throw UsageError("offset " + std::to_string(r.offset) + " is above the maximum of " +
                         std::to_string(kMaxOffset));
    }
    if (r.facet_size == 0 || r.facet_size > kMaxFacetSize) {
        throw UsageError("facet size must be between 1 and " + std::to_string(kMaxFacetSize));
    }
    if (r.key_terms > kMaxKeyTerms) {
        throw UsageError("key terms " + std::to_string(r.key_terms) + " is above the maximum of " +
                         std::to_string(kMaxKeyTerms));
    }
    parse_half_life(r.recency.half_life_days);
    if (!r.like.empty() && r.query.find_first_not_of(" \t") != std::string::npos) {
        throw UsageError(
            "like finds the articles related to one article: give no query words with it");
    }
}

}  // namespace gazette

namespace gazette {
namespace {

unsigned parse_count(std::string_view key, std::string_view value) {
    std::string text(value);
    char* end = nullptr;
    errno = 0;
    unsigned long long n = std::strtoull(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || text[0] == '-' || errno == ERANGE || n > 0xFFFFFFFFull) {
        throw UsageError(std::string(key) + " must be a non-negative whole number, not \"" + text +
                         "\"");
    }
    return static_cast<unsigned>(n);
}

double parse_number(std::string_view key, std::string_view value) {
    std::string text(value);
    char* end = nullptr;
    double d = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(d)) {
        throw UsageError(std::string(key) + " must be a number, not \"" + text + "\"");
    }
    return d;
}

bool is_bool_word(std::string_view value) {
    for (std::string_view word : {"true", "1", "yes", "on", "false", "0", "no", "off"}) {
        if (value == word)
            return true;
    }
    return false;
}

bool parse_bool(std::string_view key, std::string_view value) {
    if (value == "true" || value == "1" || value == "yes" || value == "on")
        return true;
    if (value == "false" || value == "0" || value == "no" || value == "off")
        return false;
    throw UsageError(std::string(key) + " must be true or false, not \"" + std::string(value) +
                     "\"");
}

}  // namespace

void set_request_option(SearchRequest& r, std::string_view key, std::string_view value) {
    if (key == "query" || key == "q") {
        r.query = std::string(value);
    } else if (key == "limit") {
        r.limit = parse_count(key, value);
    } else if (key == "offset") {
        r.offset = parse_count(key, value);
    } else if (key == "sort") {
        r.sort = parse_sort_order(value);
    } else if (key == "from") {
        r.filters.from = parse_date_option(value, false, "from");
    } else if (key == "to") {
        r.filters.to = parse_date_option(value, true, "to");
    } else if (key == "half_life" || key == "half-life") {
        r.recency.half_life_days = parse_half_life(parse_number(key, value));
    } else if (key == "now") {
        r.recency.now = parse_date_option(value, false, "now");
    } else if (key == "recency_weight" || key == "recency-weight") {
        double w = parse_number(key, value);
        if (w < 0)
            throw UsageError("recency weight must not be negative");
        r.recency.weight = w;
    } else if (key == "facets") {
        r.facets = parse_facet_list(value);
    } else if (key == "facet_size" || key == "facet-size") {
        r.facet_size = parse_count(key, value);
    } else if (key == "exact_total" || key == "exact-total") {
        r.exact_total = parse_bool(key, value);
    } else if (key == "key_terms" || key == "key-terms") {
        r.key_terms = parse_count(key, value);
    } else if (key == "profile") {
        r.profile = parse_bool(key, value);
    } else if (key == "snippets") {
        r.snippets = parse_bool(key, value);
    } else if (key == "collapse") {
        r.collapse = parse_bool(key, value);
    } else if (key == "proximity") {
        r.proximity = parse_bool(key, value);
    } else if (key == "show_duplicates" || key == "show-duplicates") {
        r.show_duplicates = parse_bool(key, value);
    } else if (key == "auto_correct" || key == "auto-correct") {
        r.auto_correct = parse_bool(key, value);
    } else if (key == "typos") {
        r.typos = parse_bool(key, value);
    } else if (key == "like") {
        if (value.find_first_not_of(" \t") == std::string_view::npos)
            throw UsageError("like needs an article id");
        r.like = std::string(value);
    } else if (key == "explain") {
        // Two meanings under one key, told apart by the value (docs/searching.md): a boolean
        // word is the related query's flag (like=ID&explain=true), anything else the id of an
        // article whose score to explain. explain_score= takes any id, boolean words too.
        if (is_bool_word(value)) {
            r.explain = parse_bool(key, value);
        } else {
            set_request_option(r, "explain_score", value);
        }
    } else if (key == "explain_score" || key == "explain-score") {
        if (value.find_first_not_of(" \t") == std::string_view::npos)
            throw UsageError("explain_score needs an article id");
        r.explain_score = std::string(value);
    } else if (const FieldSpec* f = find_field(key); f && f->has(kFieldFilterOption)) {
        add_filter(r.filters, key, value);
    } else {
        throw UsageError("unknown option \"" + std::string(key) + "\"");
    }
}

}  // namespace gazette
