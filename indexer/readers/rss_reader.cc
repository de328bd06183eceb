#include "indexer/readers/rss_reader.h"

#include "indexer/readers/html_fragment.h"
#include "indexer/readers/page_date.h"
#include "indexer/readers/xml_article.h"
#include "indexer/readers/xml_nodes.h"

namespace gazette {
namespace {

// What the channel says for all its items (RSS puts it before the first item).
struct Channel {
    std::string title;
    std::string language;
};

// The raw text of an element whose content is escaped HTML (description, content:encoded).
std::string escaped_html(const xmlNode* node) {
    std::string html;
    if (!node)
        return html;
    for (const xmlNode* c = node->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            html += reinterpret_cast<const char*>(c->content);
    }
    // Some feeds put XHTML elements straight into the description instead of escaping them.
    return html.find_first_not_of(" \t\r\n") == std::string::npos ? paragraph_text(node)
                                                                  : html_fragment_text(html);
}

// RFC 822's zone names (RSS 2.0 dates are RFC 822) as offsets, which parse_page_date reads:
// "Mon, 4 Mar 2024 08:00:00 EST" → "... 08:00:00 -0500".
std::string with_numeric_zone(std::string text) {
    static constexpr std::pair<std::string_view, std::string_view> kZones[] = {
        {" UT", " +0000"},  {" EST", " -0500"}, {" EDT", " -0400"},
        {" CST", " -0600"}, {" CDT", " -0500"}, {" MST", " -0700"},
        {" MDT", " -0600"}, {" PST", " -0800"}, {" PDT", " -0700"}};
    for (const auto& [name, offset] : kZones) {
        if (text.ends_with(name)) {
            text.replace(text.size() - name.size(), name.size(), offset);
            break;
        }
    }
    return text;
}

// "jdoe@example.com (Jane Doe)" → "Jane Doe"; a bare address or name stays as written.
std::string author_name(std::string text) {
    auto open = text.find('(');
    auto close = text.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open + 1 &&
        text.substr(0, open).find('@') != std::string::npos) {
        return text.substr(open + 1, close - open - 1);
    }
    return text;
}

void read_item(const xmlNode* item, const Channel& channel, const FeedContext& context,
               const std::string& where, ArticleSink& sink) {
    Article a;
    const xmlNode* guid = first_child(item, "guid");
    std::string link = child_text(item, "link");
    a.id = one_line_text(guid);
    if (a.id.empty())
        a.id = link;
    if (a.id.empty()) {
        sink.reject(where, "item with neither guid nor link (no id)");
        return;
    }
    std::string named = where + " (" + a.id + ")";
    a.url = link;
    if (a.url.empty() && attribute(guid, "isPermaLink") != "false" &&
        (a.id.starts_with("http://") || a.id.starts_with("https://")))
        a.url = a.id;
    a.title = child_text(item, "title");
    for (const char* name : {"pubDate", "date"}) {
        std::string text = child_text(item, name);
        if (text.empty())
            continue;
        if (auto date = parse_page_date(with_numeric_zone(text))) {
            a.timestamp = date->timestamp;
            a.date_text = date->normalized;
        } else {
            sink.warn(named, std::string(name) + " \"" + text + "\" is not a date; undated");
        }
        break;
    }
    for (const xmlNode* e : element_children(item)) {
        std::string_view name = local_name(e);
        if (name == "author")
            add_unique(a.authors, author_name(one_line_text(e)));
        else if (name == "creator")
            add_unique(a.authors, one_line_text(e));
        else if (name == "category" || name == "subject")
            add_unique(a.tags, one_line_text(e));
    }
    a.body = escaped_html(first_child(item, "encoded"));
    if (a.body.empty())
        a.body = escaped_html(first_child(item, "description"));
    a.source = channel.title.empty() ? context.default_source : channel.title;
    set_language(a, {child_text(item, "language"), channel.language, inherited_language(item)});
    deliver_article(std::move(a), named, sink);
}

bool is_channel_field(const XmlElementStart& start) {
    return (start.local_name == "title" || start.local_name == "language") &&
           !start.ancestors->empty() && start.ancestors->back() == "channel";
}

}  // namespace

void read_rss(const XmlSourceOpener& open, const FeedContext& context, ArticleSink& sink) {
    Channel channel;
    XmlStreamEnd end = read_xml_stream(
        open, context.display_name, {{"item"}},
        [](const XmlElementStart& start) {
            return start.local_name == "item" || is_channel_field(start) ? XmlAction::kTake
                                                                         : XmlAction::kDescend;
        },
        [&](const XmlTaken& taken) {
            std::string_view name = local_name(taken.node);
            if (taken.index == 0) {
                (name == "title" ? channel.title : channel.language) = one_line_text(taken.node);
                return;
            }
            std::string where =
                xml_record_name(context.display_name, "item", taken.index, taken.line);
            if (!taken.error.empty()) {
                reject_damaged(taken, where, sink);
                return;
            }
            read_item(taken.node, channel, context, where, sink);
        });
    report_stream_end(end, context.display_name, sink);
}

bool looks_like_rss(std::string_view head) {
    XmlRoot root;
    if (!xml_root_of(head, root))
        return false;
    return root.local_name == "rss" ||
           (root.local_name == "RDF" && head.find("purl.org/rss/1.0") != std::string_view::npos);
}

}  // namespace gazette
