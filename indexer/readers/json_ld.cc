#include "indexer/readers/json_ld.h"

#include <nlohmann/json.hpp>

namespace gazette {
namespace {

using nlohmann::json;

// How much an object's @type says "news article": 2 for NewsArticle and its subtypes, 1 for
// other articles and blog posts, 0 for anything else (WebPage, Organization, BreadcrumbList).
int type_rank(const json& type) {
    if (type.is_array()) {
        int best = 0;
        for (const auto& t : type)
            best = std::max(best, type_rank(t));
        return best;
    }
    if (!type.is_string())
        return 0;
    std::string t = type.get<std::string>();
    if (auto colon = t.rfind('/'); colon != std::string::npos)
        t.erase(0, colon + 1);  // "http://schema.org/NewsArticle"
    if (t.ends_with("NewsArticle"))
        return 2;
    if (t == "Article" || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report")
        return 1;
    return 0;
}

void collect(const json& node, int depth, const json*& best, int& best_rank) {
    if (depth > 8)
        return;
    if (node.is_array()) {
        for (const auto& item : node)
            collect(item, depth + 1, best, best_rank);
        return;
    }
    if (!node.is_object())
        return;
    if (auto it = node.find("@type"); it != node.end()) {
        int rank = type_rank(*it);
        if (rank > best_rank) {
            best = &node;
            best_rank = rank;
        }
    }
    for (const char* key : {"@graph", "mainEntity"}) {
        if (auto it = node.find(key); it != node.end())
            collect(*it, depth + 1, best, best_rank);
    }
}

std::string string_of(const json& value) {
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_array() && !value.empty())
        return string_of(value.front());
    if (value.is_object()) {
        for (const char* key : {"name", "@id", "url"}) {
            if (auto it = value.find(key); it != value.end() && it->is_string())
                return it->get<std::string>();
        }
    }
    return "";
}

std::string field(const json& object, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        if (auto it = object.find(key); it != object.end()) {
            std::string s = string_of(*it);
            if (!s.empty())
                return s;
        }
    }
    return "";
}

std::vector<std::string> names(const json& value) {
    std::vector<std::string> out;
    if (value.is_array()) {
        for (const auto& item : value) {
            std::string name = string_of(item);
            if (!name.empty())
                out.push_back(std::move(name));
        }
    } else if (std::string name = string_of(value); !name.empty()) {
        out.push_back(std::move(name));
    }
    return out;
}

std::vector<std::string> keyword_list(const json& value) {
    if (value.is_array())
        return names(value);
    std::vector<std::string> out;
    if (!value.is_string())
        return out;
    std::string all = value.get<std::string>();
    std::size_t start = 0;
    while (start <= all.size()) {
        auto comma = all.find(',', start);
        std::string k = all.substr(start, comma == std::string::npos ? comma : comma - start);
        auto b = k.find_first_not_of(' ');
        auto e = k.find_last_not_of(' ');
        if (b != std::string::npos)
            out.push_back(k.substr(b, e - b + 1));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return out;
}

// Raw line breaks and tabs inside JSON strings are invalid JSON but common in hand-made
// templates; outside strings they are whitespace anyway, so spaces are right everywhere.
json parse_lenient(std::string text) {
    for (auto& c : text) {
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    }
    auto start = text.find_first_of("{[");  // after "<!--" or "//<![CDATA[" wrappers
    if (start == std::string::npos)
        return json();
    auto end = text.find_last_of("}]");
    // "} {" has its last closer before its first opener: no JSON value to parse, and
    // a reversed iterator range would read outside the string (found by fuzz_html).
    if (end == std::string::npos || end < start)
        return json();
    return json::parse(text.begin() + static_cast<long>(start),
                       text.begin() + static_cast<long>(end) + 1, nullptr,
                       /*allow_exceptions=*/false);
}

}  // namespace

std::optional<JsonLdArticle> find_json_ld_article(const std::vector<std::string>& scripts) {
    std::vector<json> parsed;
    parsed.reserve(scripts.size());
    const json* best = nullptr;
    int best_rank = 0;
    for (const auto& text : scripts) {
        parsed.push_back(parse_lenient(text));
        // `best` points into `parsed`: the reserve above keeps it from moving.
        collect(parsed.back(), 0, best, best_rank);
    }
    if (!best)
        return std::nullopt;
    const json& o = *best;
    JsonLdArticle a;
    a.headline = field(o, {"headline", "name", "alternativeHeadline"});
    a.date_published = field(o, {"datePublished", "dateCreated", "uploadDate"});
    if (auto it = o.find("author"); it != o.end())
        a.authors = names(*it);
    a.section = field(o, {"articleSection"});
    a.url = field(o, {"url", "mainEntityOfPage"});
    a.language = field(o, {"inLanguage"});
    a.publisher = field(o, {"publisher", "sourceOrganization"});
    if (auto it = o.find("keywords"); it != o.end())
        a.keywords = keyword_list(*it);
    return a;
}

}  // namespace gazette
