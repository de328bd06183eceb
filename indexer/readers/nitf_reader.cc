#include "indexer/readers/nitf_reader.h"

#include "common/text/ascii.h"
#include "indexer/readers/page_date.h"
#include "indexer/readers/xml_article.h"
#include "indexer/readers/xml_nodes.h"

namespace gazette {
namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "By JOHN DOE and JANE ROE" → the names; a byline of <person> elements gives those.
void add_byline(const xmlNode* byline, std::vector<std::string>& authors) {
    std::vector<const xmlNode*> people = descendants(byline, "person");
    if (!people.empty()) {
        for (const xmlNode* p : people)
            add_unique(authors, one_line_text(p));
        return;
    }
    std::string text = one_line_text(byline);
    std::string lower = ascii_lower(text);
    if (lower.starts_with("by "))
        text = text.substr(3);
    std::string_view rest = text;
    for (;;) {
        std::size_t cut = ascii_lower(rest).find(" and ");
        add_unique(authors, std::string(trim(rest.substr(0, cut), " ,;")));
        if (cut == std::string::npos)
            break;
        rest = rest.substr(cut + 5);
    }
}

// NITF's bylines: NYT files give a print byline ("By JOHN DOE") and a normalized one ("Doe,
// John"); the normalized one is the name.
std::vector<std::string> nitf_authors(const xmlNode* nitf) {
    std::vector<std::string> authors;
    std::vector<const xmlNode*> bylines = descendants(nitf, "byline");
    for (const xmlNode* b : bylines) {
        if (attribute(b, "class") == "normalized_byline")
            add_byline(b, authors);
    }
    if (authors.empty()) {
        for (const xmlNode* b : bylines)
            add_byline(b, authors);
    }
    return authors;
}

void set_date(const xmlNode* head, Article& a) {
    const xmlNode* docdata = first_child(head, "docdata");
    const xmlNode* pubdata = first_child(head, "pubdata");
    for (std::string text : {attribute(first_child(docdata, "date.issue"), "norm"),
                             attribute(pubdata, "date.publication"),
                             attribute(first_child(docdata, "date.release"), "norm")}) {
        if (auto date = parse_nitf_date(text)) {
            a.timestamp = date->timestamp;
            a.date_text = date->normalized;
            return;
        }
    }
}

// <meta name="..." content="..."> of the head, as NYT files use them (dsk, online_sections).
std::string head_meta(const xmlNode* head, std::string_view name) {
    for (const xmlNode* m : child_elements(head, "meta")) {
        if (attribute(m, "name") == name)
            return attribute(m, "content");
    }
    return "";
}

// The value of a classifier-like element: its text, else its value or key attribute.
std::string term_of(const xmlNode* node) {
    std::string text = one_line_text(node);
    if (text.empty())
        text = attribute(node, "value");
    if (text.empty())
        text = attribute(node, "key");
    return text;
}

void set_classifiers(const xmlNode* head, Article& a) {
    const xmlNode* docdata = first_child(head, "docdata");
    for (const xmlNode* content : child_elements(docdata, "identified-content")) {
        for (const xmlNode* e : element_children(content)) {
            std::string_view name = local_name(e);
            if (name == "classifier") {
                add_unique(a.tags, term_of(e));
            } else if (name == "person") {
                add_unique(a.people, term_of(e));
            } else if (name == "location") {
                add_unique(a.places, term_of(e));
            } else if (name == "org") {
                add_unique(a.organizations, term_of(e));
            }
        }
    }
    for (const xmlNode* list : child_elements(docdata, "key-list")) {
        for (const xmlNode* k : child_elements(list, "keyword"))
            add_unique(a.tags, term_of(k));
    }
}

}  // namespace

std::optional<ParsedDate> parse_nitf_date(std::string_view text) {
    text = trim(text);
    // Basic format: YYYYMMDD, then Thhmm[ss] and a zone (Z, +hhmm, -hh:mm).
    if (text.size() >= 8 && all_digits(text.substr(0, 8))) {
        std::string iso = std::string(text.substr(0, 4)) + "-" + std::string(text.substr(4, 2)) +
                          "-" + std::string(text.substr(6, 2));
        std::string_view rest = text.substr(8);
        if (rest.starts_with('T') && rest.size() >= 5 && all_digits(rest.substr(1, 4))) {
            std::size_t digits = rest.size() >= 7 && all_digits(rest.substr(5, 2)) ? 6 : 4;
            iso += "T" + std::string(rest.substr(1, 2)) + ":" + std::string(rest.substr(3, 2)) +
                   ":" + (digits == 6 ? std::string(rest.substr(5, 2)) : "00");
            rest = rest.substr(1 + digits);
            if (rest.empty())
                iso += "Z";  // NITF norm times without a zone are taken as UTC
            else
                iso += std::string(rest);
            if (auto d = parse_iso_datetime(iso))
                return d;
            return parse_iso_datetime(iso.substr(0, 10));  // a zone we cannot read
        }
        if (rest.empty())
            return parse_iso_datetime(iso);
    }
    return parse_page_date(text);
}

std::string nitf_body_text(const xmlNode* node) {
    const xmlNode* body = local_name(node) == "body" ? node : first_child(node, "body");
    if (!body)
        return "";
    std::string out;
    auto add = [&out](const std::string& text) {
        if (text.empty())
            return;
        if (!out.empty())
            out.push_back('\n');
        out += text;
    };
    const xmlNode* body_head = first_child(body, "body.head");
    const xmlNode* content = first_child(body, "body.content");
    if (const xmlNode* hedline = first_child(body_head, "hedline")) {
        for (const xmlNode* hl2 : child_elements(hedline, "hl2"))
            add(one_line_text(hl2));
    }
    add(child_text(body_head, "dateline"));
    const xmlNode* full_text = nullptr;
    for (const xmlNode* block : descendants(content, "block")) {
        if (attribute(block, "class") == "full_text")
            full_text = block;
    }
    std::string text = paragraph_text(full_text ? full_text : content);
    if (text.empty())
        text = paragraph_text(first_child(body_head, "abstract"));
    add(text);
    return out;
}

void nitf_to_article(const xmlNode* nitf, Article& a) {
    const xmlNode* head = first_child(nitf, "head");
    const xmlNode* docdata = first_child(head, "docdata");
    const xmlNode* pubdata = first_child(head, "pubdata");
    if (std::string id = attribute(first_child(docdata, "doc-id"), "id-string"); !id.empty())
        a.id = id;
    const xmlNode* body = first_child(nitf, "body");
    const xmlNode* hedline = first_child(first_child(body, "body.head"), "hedline");
    a.title = child_text(hedline, "hl1");
    if (a.title.empty())
        a.title = child_text(head, "title");
    a.body = nitf_body_text(nitf);
    a.authors = nitf_authors(nitf);
    set_date(head, a);
    if (std::string name = attribute(pubdata, "name"); !name.empty())
        a.source = name;
    a.url = attribute(pubdata, "ex-ref");
    a.section = attribute(pubdata, "position.section");
    for (std::string_view meta : {"online_sections", "dsk"}) {
        if (a.section.empty())
            a.section = head_meta(head, meta);
    }
    set_classifiers(head, a);
}

void read_nitf(const XmlSourceOpener& open, const NitfContext& context, ArticleSink& sink) {
    XmlStreamEnd end = read_xml_stream(
        open, context.display_name, {{"nitf"}},
        [](const XmlElementStart& start) {
            return start.local_name == "nitf" ? XmlAction::kTake : XmlAction::kDescend;
        },
        [&](const XmlTaken& taken) {
            std::string where =
                xml_record_name(context.display_name, "nitf document", taken.index, taken.line);
            if (!taken.error.empty()) {
                reject_damaged(taken, where, sink);
                return;
            }
            Article a;
            a.id = taken.index == 1 ? context.id : context.id + "#" + std::to_string(taken.index);
            a.source = context.default_source;
            nitf_to_article(taken.node, a);
            set_language(a, {inherited_language(taken.node),
                             inherited_language(first_child(taken.node, "body"))});
            where += " (" + a.id + ")";
            deliver_article(std::move(a), where, sink);
        });
    report_stream_end(end, context.display_name, sink);
}

bool looks_like_nitf(std::string_view head) {
    XmlRoot root;
    return xml_root_of(head, root) && root.local_name == "nitf";
}

}  // namespace gazette
