// What an HTML page says about itself, read with gumbo (an HTML5 parser, so broken markup
// is read the way browsers read it): head metadata as written, and the main text with
// navigation, scripts and other boilerplate left out. html_reader decides what wins.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette {

struct HtmlPage {
    std::string lang;                     // <html lang>, else <meta http-equiv="content-language">
    std::string title_tag;                // <title>
    std::string h1;                       // first <h1> of the main text, else of the page
    std::string canonical;                // <link rel="canonical" href>
    std::string site_name;                // og:site_name
    std::vector<std::string> meta_dates;  // article:published_time, date, DC.date, ... in order
    std::string time_datetime;            // first <time datetime>, the main text's first
    std::vector<std::string> meta_authors;  // article:author, <meta name="author">
    std::vector<std::string> meta_tags;     // article:tag
    std::vector<std::string> json_ld;       // texts of <script type="application/ld+json">
    std::string og_title, og_url, og_locale, section;  // og:*, article:section
    std::vector<std::string> paragraphs;  // main text, one entry per block, whitespace collapsed
    std::string first_p;                  // the main text's first <p>, for a dateline
};

// Parses `html` (UTF-8). Never throws on bad markup; soft hyphens are removed and no-break
// and narrow no-break spaces become spaces in all extracted text.
HtmlPage parse_html_page(std::string_view html);

// The text clean-up of the rules (html_text_rules.h) for text found elsewhere (JSON-LD): whitespace
// collapsed and trimmed, soft hyphens and zero-width characters removed, no-break spaces made
// spaces.
std::string clean_page_text(std::string_view text);

}  // namespace gazette
