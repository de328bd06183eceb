#include "indexer/readers/atom_reader.h"

#include "indexer/readers/html_fragment.h"
#include "indexer/readers/page_date.h"
#include "indexer/readers/xml_article.h"
#include "indexer/readers/xml_nodes.h"

namespace gazette {
namespace {

constexpr std::string_view kAtomNamespace = "http://www.w3.org/2005/Atom";

// What the feed says for all its entries (before the first entry, as RFC 4287 feeds do).
struct Feed {
    std::string title;
    std::vector<std::string> authors;
};

// An Atom text construct (title, summary, content) by its type: text as written, html
// reduced to text by the HTML reader's rules, xhtml the paragraphs of its <div>.
std::string text_construct(const xmlNode* node) {
    if (!node)
        return "";
    std::string type = attribute(node, "type");
    if (type == "html" || type == "text/html") {
        std::string html;
        for (const xmlNode* c = node->children; c; c = c->next) {
            if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
                html += reinterpret_cast<const char*>(c->content);
        }
        return html_fragment_text(html);
    }
    return paragraph_text(node);
}

std::string one_line(const std::string& text) {
    std::string out = text;
    for (char& c : out) {
        if (c == '\n')
            c = ' ';
    }
    return out;
}

std::string alternate_link(const xmlNode* entry) {
    for (const xmlNode* link : child_elements(entry, "link")) {
        std::string rel = attribute(link, "rel");
        if (rel.empty() || rel == "alternate")
            return attribute(link, "href");
    }
    return "";
}

void add_authors(const xmlNode* parent, std::vector<std::string>& authors) {
    for (const xmlNode* author : child_elements(parent, "author"))
        add_unique(authors, child_text(author, "name"));
}

void read_entry(const xmlNode* entry, const Feed& feed, const FeedContext& context,
                const std::string& where, ArticleSink& sink) {
    Article a;
    a.id = child_text(entry, "id");
    if (a.id.empty()) {
        sink.reject(where, "entry without an id");
        return;
    }
    std::string named = where + " (" + a.id + ")";
    a.title = one_line(text_construct(first_child(entry, "title")));
    a.url = alternate_link(entry);
    for (const char* name : {"published", "updated"}) {
        std::string text = child_text(entry, name);
        if (text.empty())
            continue;
        if (auto date = parse_page_date(text)) {
            a.timestamp = date->timestamp;
            a.date_text = date->normalized;
        } else {
            sink.warn(named, std::string(name) + " \"" + text + "\" is not a date; undated");
        }
        break;
    }
    add_authors(entry, a.authors);
    if (a.authors.empty())
        a.authors = feed.authors;
    for (const xmlNode* category : child_elements(entry, "category")) {
        std::string label = attribute(category, "label");
        add_unique(a.tags, label.empty() ? attribute(category, "term") : label);
    }
    const xmlNode* content = first_child(entry, "content");
    if (content && attribute(content, "src").empty())
        a.body = text_construct(content);
    if (a.body.empty())
        a.body = text_construct(first_child(entry, "summary"));
    a.source = feed.title.empty() ? context.default_source : feed.title;
    set_language(a, {inherited_language(content), inherited_language(entry)});
    deliver_article(std::move(a), named, sink);
}

bool is_feed_field(const XmlElementStart& start) {
    return (start.local_name == "title" || start.local_name == "author") && start.depth == 1 &&
           !start.ancestors->empty() && start.ancestors->back() == "feed";
}

}  // namespace

void read_atom(const XmlSourceOpener& open, const FeedContext& context, ArticleSink& sink) {
    Feed feed;
    XmlStreamEnd end = read_xml_stream(
        open, context.display_name, {{"entry"}},
        [](const XmlElementStart& start) {
            return start.local_name == "entry" || is_feed_field(start) ? XmlAction::kTake
                                                                       : XmlAction::kDescend;
        },
        [&](const XmlTaken& taken) {
            std::string_view name = local_name(taken.node);
            if (taken.index == 0 && name == "title") {
                feed.title = one_line(text_construct(taken.node));
                return;
            }
            if (taken.index == 0) {
                add_unique(feed.authors, child_text(taken.node, "name"));
                return;
            }
            std::string where =
                xml_record_name(context.display_name, "entry", taken.index, taken.line);
            if (!taken.error.empty()) {
                reject_damaged(taken, where, sink);
                return;
            }
            read_entry(taken.node, feed, context, where, sink);
        });
    report_stream_end(end, context.display_name, sink);
}

bool looks_like_atom(std::string_view head) {
    XmlRoot root;
    return xml_root_of(head, root) && (root.local_name == "feed" || root.local_name == "entry") &&
           root.ns == kAtomNamespace;
}

}  // namespace gazette
