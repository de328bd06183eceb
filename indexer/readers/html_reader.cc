#include "indexer/readers/html_reader.h"

#include <algorithm>
#include <initializer_list>

#include "common/article_json.h"
#include "common/errors.h"
#include "common/language.h"
#include "common/text/ascii.h"
#include "common/text/utf8.h"
#include "indexer/readers/html_page.h"
#include "indexer/readers/json_ld.h"
#include "indexer/readers/language_guess.h"
#include "indexer/readers/page_date.h"

namespace gazette {
namespace {

std::string first_non_empty(std::initializer_list<const std::string*> candidates) {
    for (const std::string* c : candidates) {
        std::string s = clean_page_text(*c);
        if (!s.empty())
            return s;
    }
    return "";
}

bool is_web_url(std::string_view s) {
    return s.starts_with("http://") || s.starts_with("https://");
}

// Resolves the forms of relative link pages use for their canonical URL against the page's
// own address; "" when `ref` is relative and there is no base to resolve it against.
std::string absolute_url(std::string_view ref, std::string_view base) {
    if (ref.empty() || is_web_url(ref))
        return std::string(ref);
    if (!is_web_url(base))
        return "";
    auto scheme_end = base.find("://") + 3;
    if (ref.starts_with("//"))
        return std::string(base.substr(0, scheme_end - 2)) + std::string(ref);
    auto path_start = base.find('/', scheme_end);
    std::string_view origin = base.substr(0, path_start);
    if (ref.starts_with('/'))
        return std::string(origin) + std::string(ref);
    std::string_view dir = base.substr(0, base.rfind('/') + 1);
    if (path_start == std::string_view::npos)
        return std::string(origin) + "/" + std::string(ref);
    return std::string(dir) + std::string(ref);
}

void add_unique(std::vector<std::string>& list, const std::string& raw) {
    std::string s = clean_page_text(raw);
    if (!s.empty() && list.size() < 50 && std::find(list.begin(), list.end(), s) == list.end())
        list.push_back(std::move(s));
}

void set_date(Article& a, const HtmlPage& page, const std::optional<JsonLdArticle>& ld,
              const HtmlContext& context, ArticleSink& sink) {
    std::vector<const std::string*> metadata;
    if (ld)
        metadata.push_back(&ld->date_published);
    for (const auto& d : page.meta_dates)
        metadata.push_back(&d);
    metadata.push_back(&page.time_datetime);
    const std::string* unreadable = nullptr;
    std::optional<ParsedDate> date;
    for (const std::string* text : metadata) {
        if (text->empty())
            continue;
        date = parse_page_date(*text);
        if (date)
            break;
        if (!unreadable)
            unreadable = text;
    }
    if (!date)
        date = parse_dateline(page.first_p);
    if (!date && !context.fallback_date.empty())
        date = parse_page_date(context.fallback_date);
    if (unreadable) {
        sink.warn(context.display_name, "page date \"" + *unreadable + "\" is not a date; " +
                                            (date ? "used " + date->normalized : "undated"));
    }
    if (date) {
        a.timestamp = date->timestamp;
        a.date_text = date->normalized;
    }
}

std::string page_language(const HtmlPage& page, const std::optional<JsonLdArticle>& ld,
                          const HtmlContext& context, const std::string& text) {
    static const std::string kNone;
    for (const std::string* tag : std::initializer_list<const std::string*>{
             &page.lang, &page.og_locale, ld ? &ld->language : &kNone, &context.language}) {
        if (std::string code = language_code_of_tag(clean_page_text(*tag)); !code.empty())
            return code;
    }
    std::string guess = guess_language(text);
    return guess.empty() ? "en" : guess;
}

}  // namespace

void read_html_document(std::string content, const HtmlContext& context, ArticleSink& sink) {
    if (content.starts_with("\xEF\xBB\xBF"))
        content.erase(0, 3);  // UTF-8 byte order mark
    if (auto bad = first_invalid_utf8(content); bad != std::string::npos) {
        sink.warn(context.display_name,
                  "not UTF-8 (byte " + std::to_string(bad) + "), decoded as Latin-1");
        content = latin1_to_utf8(content);
    }
    HtmlPage page = parse_html_page(content);
    content.clear();
    auto ld = find_json_ld_article(page.json_ld);
    static const std::string kNone;
    const std::string& ld_headline = ld ? ld->headline : kNone;
    const std::string& ld_url = ld ? ld->url : kNone;

    Article a;
    a.title = first_non_empty({&ld_headline, &page.og_title, &page.h1, &page.title_tag});
    for (const auto& p : page.paragraphs) {
        if (!a.body.empty())
            a.body.push_back('\n');
        a.body += p;
    }
    for (const std::string* candidate :
         std::initializer_list<const std::string*>{&page.canonical, &page.og_url, &ld_url}) {
        a.url = absolute_url(clean_page_text(*candidate), context.url);
        if (!a.url.empty())
            break;
    }
    a.id = context.id_from_page_url && !a.url.empty() ? a.url : context.id;
    if (a.url.empty())
        a.url = context.url;
    if (ld) {
        for (const auto& name : ld->authors)
            add_unique(a.authors, name);
    }
    if (a.authors.empty()) {
        for (const auto& name : page.meta_authors) {
            if (!is_web_url(name))  // article:author is often a profile page's URL
                add_unique(a.authors, name);
        }
    }
    a.section = first_non_empty({ld ? &ld->section : &kNone, &page.section});
    a.source = first_non_empty({&page.site_name, ld ? &ld->publisher : &kNone, &context.source});
    for (const auto& tag : page.meta_tags)
        add_unique(a.tags, tag);
    if (ld) {
        for (const auto& k : ld->keywords)
            add_unique(a.tags, k);
    }
    a.language = page_language(page, ld, context, a.body);
    set_date(a, page, ld, context, sink);
    try {
        validate_article(a);
    } catch (const InputError& e) {
        sink.reject(context.display_name, e.what());
        return;
    }
    sink.accept(std::move(a), context.display_name);
}

bool looks_like_html(std::string_view head) {
    std::string_view rest = trim_start(without_utf8_bom(head));
    // What may come before the root element: an XML declaration (XHTML) and comments.
    for (;;) {
        std::string_view close = rest.starts_with("<?")     ? "?>"
                                 : rest.starts_with("<!--") ? "-->"
                                                            : "";
        if (close.empty())
            break;
        std::size_t end = rest.find(close);
        if (end == std::string_view::npos)
            return false;
        rest = trim_start(rest.substr(end + close.size()));
    }
    std::string start = ascii_lower(rest.substr(0, 15));
    auto tag = [&start](std::string_view name) {
        return start.starts_with(name) && start.size() > name.size() &&
               (start[name.size()] == '>' ||
                kAsciiSpace.find(start[name.size()]) != std::string::npos);
    };
    return tag("<!doctype html") || tag("<html");
}

}  // namespace gazette
