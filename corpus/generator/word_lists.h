// The raw material of the synthetic archive, all written by the Gazette team for this
// generator (no list is taken from a corpus). Each list lives in its own words_*.cc file;
// they are constant data, read by the vocabulary, the world and the text writer.
#pragma once

#include <span>
#include <string_view>

namespace gazette::generator {

using WordList = std::span<const std::string_view>;

// Real English words in roughly descending news-text frequency: they take the head ranks of
// the Zipf vocabulary, so the commonest generated words are "the", "of", "and", "to", ...
WordList common_words();

// Words that read well in a headline between the subject and the topic ("says", "warns").
WordList headline_verbs();

// First and last names that belong together (a culture, loosely), so that a generated
// person is "José García" or "Olena Kovalenko" rather than a random mix.
struct NameCulture {
    std::string_view label;
    WordList first_names;
    WordList last_names;
    bool family_name_first = false;  // "Wang Wei", "Nguyễn Minh"
};
std::span<const NameCulture> name_cultures();

struct City {
    std::string_view name;
    std::string_view country;
};
// Ordered roughly by how often news mentions them: capitals and hubs first.
std::span<const City> cities();

// Invented outlets (ASCII names: they become host names) and wire agencies, the latter
// credited on republished copies: "(Atlas Newswire) - ".
WordList outlets();
WordList agencies();

// One newsroom desk: its share of the archive, its tags, the words its stories keep coming
// back to, the organisations and job titles that appear in it.
struct Section {
    std::string_view name;
    int weight;
    WordList tags;
    WordList keywords;
    WordList organizations;
    WordList roles;
};
std::span<const Section> sections();

// The days of the week, Sunday first (as days since 1970-01-01, a Thursday, plus 4, mod 7).
WordList weekdays();

}  // namespace gazette::generator
