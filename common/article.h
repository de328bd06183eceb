// The canonical record every reader produces and the document builder consumes.
// Its serialised form (JSON Lines) is documented in docs/article-format.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gazette {

struct Article {
    std::string id;
    std::string title;
    std::string body;
    // Seconds since 1970-01-01T00:00:00Z; absent when the input has no date.
    std::optional<double> timestamp;
    std::string date_text;  // the ISO 8601 form, normalised (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)
    std::string source;
    std::string url;
    std::vector<std::string> authors;
    std::string section;
    std::string language = "en";
    std::vector<std::string> tags;
    std::vector<std::string> people;
    std::vector<std::string> places;
    std::vector<std::string> organizations;
    // The revision of the story under this id, for sources that number them (NewsML-G2's
    // version); 0 when the input has none. A version never replaces a higher one.
    std::uint64_t version = 0;
};

}  // namespace gazette
