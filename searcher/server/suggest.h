// /api/suggest: spelling suggestions from the index's spelling data and headline completions
// for what has been typed so far, for a search box that suggests as you type.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace gazette::server {

struct Completion {
    std::string id;
    std::string title;
    std::string date;
    std::string source;
};

struct Suggestions {
    std::string query;
    // The query with each misspelt word replaced by Xapian's suggestion; "" when none is.
    std::string corrected;
    // Suggestions for the last word (the one being typed), best first.
    std::vector<std::string> spelling;
    // Headlines containing every complete word and a word starting with the last one.
    std::vector<Completion> completions;
};

inline constexpr unsigned kMaxCompletions = 10;
// A one-letter prefix could expand to thousands of headline words; the most frequent 100 give
// good completions at a fixed cost.
inline constexpr Xapian::termcount kCompletionExpansion = 100;

Suggestions suggest(const Xapian::Database& db, const std::string& text);

std::string suggestions_to_json(const Suggestions& suggestions);

// Lowercased words of `text` (letters and digits), in order; the last one is `prefix` when
// `text` does not end with a word separator (the user is still typing it).
struct TypedWords {
    std::vector<std::string> complete;
    std::string prefix;
};
TypedWords split_typed_words(const std::string& text);

}  // namespace gazette::server
