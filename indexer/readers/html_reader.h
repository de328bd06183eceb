// HTML article pages (.html, .htm): one article per page, from its metadata (JSON-LD, Open
// Graph, <meta>, <time>, <h1>) and its main text. Also the page reader behind WARC records.
#pragma once

#include <string>
#include <string_view>

#include "indexer/readers/article_sink.h"

namespace gazette {

struct HtmlContext {
    // The id when the page names no URL of its own: the path relative to the directory
    // given, like text files; or the WARC-Target-URI.
    std::string id;
    // Files: the page's canonical URL is the id when it has one (the same story saved twice
    // is one article). WARC: false, the target URI stays the id so that re-indexing a crawl
    // replaces exactly what it indexed before.
    bool id_from_page_url = true;
    std::string url;            // the page's address when known (WARC); base for relative links
    std::string fallback_date;  // used when the page carries no date (WARC-Date)
    std::string language;       // HTTP Content-Language, used when the page names none
    std::string source;         // --source, used when the page names no site
    std::string display_name;   // for messages
};

// Turns one page into an article, or rejects it (no text, invalid after repair). Bytes that
// are not UTF-8 are decoded as Latin-1 with a warning. Headline: JSON-LD headline, og:title,
// <h1>, <title>. Date: JSON-LD datePublished, date <meta>s, <time datetime>, a dateline at
// the start of the first paragraph ("22 mai 2012."), then context.fallback_date; a page
// with none is indexed undated. Language: <html lang>, Content-Language, og:locale, JSON-LD
// inLanguage, context.language, then a guess from the text's function words.
void read_html_document(std::string content, const HtmlContext& context, ArticleSink& sink);

// True when the first bytes of a file look like an HTML page: after a byte order mark, blank
// space, an XML declaration and comments, <!DOCTYPE html ...> or <html ...> (any case).
bool looks_like_html(std::string_view head);

}  // namespace gazette
