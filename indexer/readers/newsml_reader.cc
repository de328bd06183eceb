#include "indexer/readers/newsml_reader.h"

#include <array>
#include <cstdlib>

#include "common/text/ascii.h"
#include "indexer/readers/html_fragment.h"
#include "indexer/readers/nitf_reader.h"
#include "indexer/readers/page_date.h"
#include "indexer/readers/xml_article.h"
#include "indexer/readers/xml_nodes.h"

namespace gazette {
namespace {

// The item kinds of NewsML-G2 and newsMessage's wrapper: the first is the article one.
constexpr std::array<std::string_view, 6> kItemElements = {
    "newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"};

bool is_item_element(std::string_view name) {
    for (auto e : kItemElements) {
        if (e == name)
            return true;
    }
    return false;
}

// Item classes that are media, not text (IPTC NewsItem Nature, ninat:).
bool is_media_class(std::string_view qcode) {
    for (std::string_view media : {"picture", "graphic", "video", "audio", "interactive"}) {
        if (qcode.ends_with(media) && qcode.size() > media.size() &&
            qcode[qcode.size() - media.size() - 1] == ':')
            return true;
    }
    return false;
}

// A concept's human name: its <name> (the first without a role, else the first), else its
// literal, else the code after the scheme alias ("medtop:04000000" → "04000000").
std::string concept_name(const xmlNode* concept_node) {
    std::vector<const xmlNode*> names = child_elements(concept_node, "name");
    for (const xmlNode* n : names) {
        if (attribute(n, "role").empty()) {
            if (std::string s = one_line_text(n); !s.empty())
                return s;
        }
    }
    for (const xmlNode* n : names) {
        if (std::string s = one_line_text(n); !s.empty())
            return s;
    }
    if (std::string literal = attribute(concept_node, "literal"); !literal.empty())
        return literal;
    std::string qcode = attribute(concept_node, "qcode");
    return qcode.substr(qcode.find(':') == std::string::npos ? 0 : qcode.find(':') + 1);
}

// The main headline: one without a role or with the main role, else the first.
std::string main_headline(const xmlNode* content_meta) {
    std::vector<const xmlNode*> headlines = child_elements(content_meta, "headline");
    for (const xmlNode* h : headlines) {
        std::string role = attribute(h, "role");
        if (role.empty() || role.ends_with(":main"))
            return one_line_text(h);
    }
    return headlines.empty() ? "" : one_line_text(headlines.front());
}

void add_subject(const xmlNode* subject, Article& a) {
    std::string type = attribute(subject, "type");
    std::string name = concept_name(subject);
    if (type.ends_with(":person")) {
        add_unique(a.people, name);
    } else if (type.ends_with(":organisation") || type.ends_with(":organization")) {
        add_unique(a.organizations, name);
    } else if (type.ends_with(":geoArea") || type.ends_with(":poi")) {
        add_unique(a.places, name);
    } else {
        add_unique(a.tags, name);
    }
}

void set_authors(const xmlNode* content_meta, Article& a) {
    for (const xmlNode* creator : child_elements(content_meta, "creator"))
        add_unique(a.authors, concept_name(creator));
    if (!a.authors.empty())
        return;
    for (const xmlNode* by : child_elements(content_meta, "by")) {
        std::string text = one_line_text(by);
        if (ascii_lower(text).starts_with("by "))
            text = text.substr(3);
        add_unique(a.authors, text);
    }
}

// The text of one rendition in contentSet.
std::string rendition_text(const xmlNode* rendition, std::string& nitf_headline) {
    std::string type = ascii_lower(attribute(rendition, "contenttype"));
    if (local_name(rendition) == "inlineData") {
        if (type.find("html") != std::string::npos) {
            std::string html;
            for (const xmlNode* c = rendition->children; c; c = c->next) {
                if (c->type == XML_TEXT_NODE && c->content)
                    html += reinterpret_cast<const char*>(c->content);
            }
            return html_fragment_text(html);
        }
        return paragraph_text(rendition);
    }
    if (const xmlNode* nitf = first_descendant(rendition, "nitf")) {
        const xmlNode* hedline =
            first_child(first_child(first_child(nitf, "body"), "body.head"), "hedline");
        nitf_headline = child_text(hedline, "hl1");
        return nitf_body_text(nitf);
    }
    if (const xmlNode* body = first_descendant(rendition, "body"))
        return paragraph_text(body);  // XHTML
    return paragraph_text(rendition);
}

void set_body(const xmlNode* item, Article& a) {
    const xmlNode* content_set = first_child(item, "contentSet");
    std::string nitf_headline;
    for (const xmlNode* rendition : element_children(content_set)) {
        std::string_view name = local_name(rendition);
        if (name != "inlineXML" && name != "inlineData")
            continue;  // remoteContent: the text is elsewhere
        a.body = rendition_text(rendition, nitf_headline);
        if (!a.body.empty())
            break;
    }
    if (a.title.empty())
        a.title = nitf_headline;
    if (a.body.empty()) {
        const xmlNode* content_meta = first_child(item, "contentMeta");
        for (const xmlNode* d : child_elements(content_meta, "description"))
            a.body += (a.body.empty() ? "" : "\n") + paragraph_text(d);
    }
}

bool set_date(const xmlNode* item, Article& a) {
    const xmlNode* item_meta = first_child(item, "itemMeta");
    const xmlNode* content_meta = first_child(item, "contentMeta");
    for (std::string text :
         {child_text(content_meta, "contentCreated"), child_text(item_meta, "firstCreated"),
          child_text(item_meta, "versionCreated")}) {
        if (text.empty())
            continue;
        auto date = parse_page_date(text);
        if (!date)
            return false;
        a.timestamp = date->timestamp;
        a.date_text = date->normalized;
        return true;
    }
    return true;
}

// Reads one newsItem; "" when it became an article or was skipped, else the reason to reject.
std::string read_news_item(const xmlNode* item, const NewsmlContext& context,
                           const std::string& where, ArticleSink& sink) {
    Article a;
    a.id = attribute(item, "guid");
    if (a.id.empty())
        return "newsItem without a guid";
    std::string version = attribute(item, "version");
    if (version.empty()) {
        a.version = 1;  // the standard's default
    } else {
        char* end = nullptr;
        unsigned long long v = std::strtoull(version.c_str(), &end, 10);
        if (*end != '\0' || v == 0 || version[0] == '-')
            return "version \"" + version + "\" is not a positive whole number";
        a.version = v;
    }
    std::string named = where + " (guid " + a.id + ", version " + std::to_string(a.version) + ")";
    const xmlNode* item_meta = first_child(item, "itemMeta");
    const xmlNode* content_meta = first_child(item, "contentMeta");
    if (std::string cls = attribute(first_child(item_meta, "itemClass"), "qcode");
        is_media_class(cls)) {
        sink.skip(named, "a " + cls + " item, not an article");
        return "";
    }
    if (attribute(first_child(item_meta, "pubStatus"), "qcode").ends_with(":canceled")) {
        sink.skip(named, "a canceled item (pubStatus stat:canceled)");
        return "";
    }
    a.title = main_headline(content_meta);
    set_authors(content_meta, a);
    for (const xmlNode* s : child_elements(content_meta, "subject"))
        add_subject(s, a);
    for (const xmlNode* k : child_elements(content_meta, "keyword"))
        add_unique(a.tags, one_line_text(k));
    for (const xmlNode* located : child_elements(content_meta, "located"))
        add_unique(a.places, concept_name(located));
    if (const xmlNode* provider = first_child(item_meta, "provider"))
        a.source = concept_name(provider);
    if (a.source.empty())
        a.source = context.default_source;
    if (const xmlNode* service = first_child(item_meta, "service"))
        a.section = concept_name(service);
    if (!set_date(item, a))
        return "contentCreated / firstCreated is not a date";
    set_body(item, a);
    std::vector<std::string> languages;
    for (const xmlNode* l : child_elements(content_meta, "language"))
        languages.push_back(attribute(l, "tag"));
    languages.push_back(inherited_language(item));
    set_language(a, languages);
    deliver_article(std::move(a), named, sink);
    return "";
}

}  // namespace

void read_newsml(const XmlSourceOpener& open, const NewsmlContext& context, ArticleSink& sink) {
    XmlStreamEnd end = read_xml_stream(
        open, context.display_name, {{kItemElements.begin(), kItemElements.end()}},
        [](const XmlElementStart& start) {
            return is_item_element(start.local_name) ? XmlAction::kTake : XmlAction::kDescend;
        },
        [&](const XmlTaken& taken) {
            std::string name(local_name(taken.node));
            std::string where =
                xml_record_name(context.display_name, "item", taken.index, taken.line);
            if (!taken.error.empty()) {
                reject_damaged(taken, where, sink);
                return;
            }
            if (name != kItemElements.front()) {
                sink.skip(where + " (guid " + attribute(taken.node, "guid") + ")",
                          "a " + name + " is not an article" +
                              (name == "packageItem" ? " (it packages other items)" : ""));
                return;
            }
            if (std::string problem = read_news_item(taken.node, context, where, sink);
                !problem.empty()) {
                sink.reject(where, problem);
            }
        });
    report_stream_end(end, context.display_name, sink);
}

bool looks_like_newsml(std::string_view head) {
    XmlRoot root;
    if (!xml_root_of(head, root))
        return false;
    return (root.local_name == "newsMessage" || is_item_element(root.local_name)) &&
           root.ns.starts_with("http://iptc.org/std/nar/");
}

}  // namespace gazette
