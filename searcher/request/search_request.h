// What a search asks for, independent of where it came from (command line, --jsonl line, or
// HTTP query string): the query text, filters, order, facets and the page.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gazette {

// Filters narrow the match without changing any score. Values of one field are ORed,
// different fields ANDed. Keys are field names of the field table ("source", "people", ...),
// never aliases.
struct Filters {
    std::optional<double> from;  // seconds since epoch, inclusive
    std::optional<double> to;    // seconds since epoch, inclusive
    std::map<std::string, std::vector<std::string>> values;

    bool empty() const { return !from && !to && values.empty(); }
};

enum class SortOrder {
    kRelevance,  // BM25; ties by date (newest first), then id
    kNewest,     // date descending, then id; undated last
    kOldest,     // date ascending, then id; undated last
    kRecency,    // BM25 + a boost that halves every half_life_days (docs/ranking.md)
};

struct RecencyOptions {
    double half_life_days = 30;
    double now = 0;     // seconds since epoch; the age of an article is measured from here
    double weight = 2;  // the boost of an article dated `now`; about a good BM25 term match
};

// The largest page and the deepest offset a search may ask for.
inline constexpr unsigned kMaxLimit = 1000;
inline constexpr unsigned kMaxOffset = 100000;

inline constexpr unsigned kMaxKeyTerms = 100;

inline constexpr unsigned kDefaultFacetSize = 10;
inline constexpr unsigned kMaxFacetSize = 1000;

struct SearchRequest {
    std::string query;
    unsigned offset = 0;
    unsigned limit = 10;
    bool snippets = true;  // snippets cost time per result; batch evaluations turn them off
    Filters filters;
    SortOrder sort = SortOrder::kRelevance;
    RecencyOptions recency;
    std::vector<std::string> facets;  // facet names: field names with a facet slot, year, month
    unsigned facet_size = kDefaultFacetSize;
    bool exact_total = false;  // count every match (slower for big result sets)
    // Near-duplicates (docs/duplicates.md): one result per story unless collapse is false;
    // show_duplicates lists the ids of the copies folded into each result.
    bool collapse = true;
    // Articles where the query's words stand together rank higher (docs/ranking.md).
    bool proximity = true;
    bool show_duplicates = false;
    // A query with no results is run again with its spelling correction.
    bool auto_correct = false;
    // Misspelt-looking words also match their spelling neighbours, ranked lower
    // (searcher/query/typo_widening.h); false: every word means exactly what it says.
    bool typos = true;
    std::string like;      // find articles related to the article with this id (no query words)
    bool explain = false;  // with `like`: report the terms the related query was made of
    // The id of an article whose score to take apart (score_explanation.h), or "".
    std::string explain_score;
    bool profile = false;  // report the time of each stage (engine/stage_times.h)
    // The words that characterise the matches against the archive (key_terms/key_terms.h):
    // how many, 0 = none. With a timeline, each period's against the whole match set.
    unsigned key_terms = 0;
};

}  // namespace gazette
