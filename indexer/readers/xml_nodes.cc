#include "indexer/readers/xml_nodes.h"

#include <libxml/entities.h>

#include <array>

#include "common/text/ascii.h"
#include "indexer/readers/html_page.h"

namespace gazette {
namespace {

// Elements that end a paragraph: XHTML's blocks and NITF's.
constexpr std::array<std::string_view, 29> kBlockElements = {
    "p",          "div",   "br",  "li",     "ul",           "ol",   "dd", "dt",
    "h1",         "h2",    "h3",  "h4",     "h5",           "h6",   "tr", "table",
    "blockquote", "pre",   "hl1", "hl2",    "block",        "nitf", "hr", "section",
    "article",    "media", "bq",  "credit", "media-caption"};

bool is_block(std::string_view name) {
    for (auto b : kBlockElements) {
        if (b == name)
            return true;
    }
    return false;
}

bool named(const xmlNode* node, std::string_view name) {
    return node && node->type == XML_ELEMENT_NODE && local_name(node) == name;
}

std::string_view text_of_node(const xmlNode* node) {
    return node->content ? std::string_view(reinterpret_cast<const char*>(node->content))
                         : std::string_view();
}

// Appends the raw text below `node`; `paragraphs` (when given) receives each finished one.
// Scripts and styles inside XHTML bodies are not text.
void collect(const xmlNode* node, std::string& current, std::vector<std::string>* paragraphs) {
    for (const xmlNode* c = node->children; c; c = c->next) {
        switch (c->type) {
            case XML_TEXT_NODE:
            case XML_CDATA_SECTION_NODE:
                current += text_of_node(c);
                break;
            case XML_ENTITY_REF_NODE: {
                // The entity's replacement text as written, once: never a nested expansion.
                const auto* entity = reinterpret_cast<const xmlEntity*>(c->children);
                if (entity && entity->type == XML_ENTITY_DECL &&
                    entity->etype == XML_INTERNAL_GENERAL_ENTITY && entity->content) {
                    current += reinterpret_cast<const char*>(entity->content);
                }
                break;
            }
            case XML_ELEMENT_NODE: {
                std::string_view name = local_name(c);
                if (name == "script" || name == "style")
                    break;
                bool block = paragraphs && is_block(name);
                if (block) {
                    paragraphs->push_back(std::move(current));
                    current.clear();
                }
                collect(c, current, paragraphs);
                if (block) {
                    paragraphs->push_back(std::move(current));
                    current.clear();
                } else if (!paragraphs && is_block(name)) {
                    current += ' ';  // <p>a</p><p>b</p> on one line is "a b", not "ab"
                }
                break;
            }
            default:
                break;
        }
    }
}

void find_all(const xmlNode* parent, std::string_view name, bool first_only,
              std::vector<const xmlNode*>& out) {
    for (const xmlNode* c = parent->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (local_name(c) == name) {
            out.push_back(c);
            if (first_only)
                return;
            continue;
        }
        find_all(c, name, first_only, out);
        if (first_only && !out.empty())
            return;
    }
}

}  // namespace

std::string_view local_name(const xmlNode* node) {
    return node && node->name ? std::string_view(reinterpret_cast<const char*>(node->name))
                              : std::string_view();
}

std::vector<const xmlNode*> child_elements(const xmlNode* parent, std::string_view name) {
    std::vector<const xmlNode*> out;
    if (!parent)
        return out;
    for (const xmlNode* c = parent->children; c; c = c->next) {
        if (named(c, name))
            out.push_back(c);
    }
    return out;
}

const xmlNode* first_child(const xmlNode* parent, std::string_view name) {
    if (!parent)
        return nullptr;
    for (const xmlNode* c = parent->children; c; c = c->next) {
        if (named(c, name))
            return c;
    }
    return nullptr;
}

const xmlNode* first_descendant(const xmlNode* parent, std::string_view name) {
    std::vector<const xmlNode*> found;
    if (parent)
        find_all(parent, name, true, found);
    return found.empty() ? nullptr : found.front();
}

std::vector<const xmlNode*> descendants(const xmlNode* parent, std::string_view name) {
    std::vector<const xmlNode*> found;
    if (parent)
        find_all(parent, name, false, found);
    return found;
}

std::vector<const xmlNode*> element_children(const xmlNode* parent) {
    std::vector<const xmlNode*> out;
    if (!parent)
        return out;
    for (const xmlNode* c = parent->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE)
            out.push_back(c);
    }
    return out;
}

std::string attribute(const xmlNode* node, std::string_view name) {
    if (!node || node->type != XML_ELEMENT_NODE)
        return "";
    for (const xmlAttr* a = node->properties; a; a = a->next) {
        if (!a->name || std::string_view(reinterpret_cast<const char*>(a->name)) != name)
            continue;
        std::string value;
        for (const xmlNode* c = a->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE)
                value += text_of_node(c);
        }
        return std::string(trim(value));
    }
    return "";
}

std::string inherited_language(const xmlNode* node) {
    for (; node && node->type == XML_ELEMENT_NODE; node = node->parent) {
        for (const xmlAttr* a = node->properties; a; a = a->next) {
            if (a->name && std::string_view(reinterpret_cast<const char*>(a->name)) == "lang" &&
                a->ns && a->ns->prefix &&
                std::string_view(reinterpret_cast<const char*>(a->ns->prefix)) == "xml") {
                return attribute(node, "lang");
            }
        }
    }
    return "";
}

std::string one_line_text(const xmlNode* node) {
    if (!node)
        return "";
    std::string raw;
    collect(node, raw, nullptr);
    return clean_page_text(raw);
}

std::string paragraph_text(const xmlNode* node) {
    if (!node)
        return "";
    std::vector<std::string> pieces;
    std::string current;
    collect(node, current, &pieces);
    pieces.push_back(std::move(current));
    std::string out;
    for (const auto& piece : pieces) {
        std::string line = clean_page_text(piece);
        if (line.empty())
            continue;
        if (!out.empty())
            out.push_back('\n');
        out += line;
    }
    return out;
}

std::string child_text(const xmlNode* parent, std::string_view name) {
    return one_line_text(first_child(parent, name));
}

}  // namespace gazette
