// schema.org article metadata from a page's JSON-LD (<script type="application/ld+json">),
// the most reliable source of headline, dates and bylines on today's news sites.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

struct JsonLdArticle {
    std::string headline;
    std::string date_published;  // as written; parse_page_date normalises it
    std::vector<std::string> authors;
    std::string section;
    std::string url;
    std::string language;  // inLanguage
    std::string publisher;
    std::vector<std::string> keywords;
};

// The best article object in the given script texts: a NewsArticle (or one of its subtypes)
// over a plain Article or BlogPosting, looking inside top-level arrays and "@graph". Scripts
// that are not valid JSON are ignored (pages are full of them); nullopt when none has one.
std::optional<JsonLdArticle> find_json_ld_article(const std::vector<std::string>& scripts);

}  // namespace gazette
