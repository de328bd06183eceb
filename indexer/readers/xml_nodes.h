// Reading an element subtree (xml_stream.h) the way the XML readers need it: children by
// local name whatever their prefix, attributes, and text as one line or as paragraphs.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace gazette {

std::string_view local_name(const xmlNode* node);

// Element children of `parent` with this local name (any namespace), in order.
std::vector<const xmlNode*> child_elements(const xmlNode* parent, std::string_view name);
// The first of them, or nullptr.
const xmlNode* first_child(const xmlNode* parent, std::string_view name);
// The first element with this local name below `parent` in document order, or nullptr.
const xmlNode* first_descendant(const xmlNode* parent, std::string_view name);
// Every element with this local name below `parent`, in document order (not below a match).
std::vector<const xmlNode*> descendants(const xmlNode* parent, std::string_view name);
// All element children.
std::vector<const xmlNode*> element_children(const xmlNode* parent);

// The attribute with this local name (any namespace, "lang" finds xml:lang), trimmed; "" when
// absent.
std::string attribute(const xmlNode* node, std::string_view name);

// xml:lang of the node or its nearest ancestor that has one; "".
std::string inherited_language(const xmlNode* node);

// The node's text on one line: every descendant text, white space collapsed, trimmed, soft
// hyphens and zero-width characters removed (html_page.h's clean_page_text). Entities the
// document declares contribute their replacement text once, never expanded further.
std::string one_line_text(const xmlNode* node);

// The node's text as paragraphs, one per line: block elements (p, div, li, h1-h6, hl1, hl2,
// br, blockquote, tr, ...) end a paragraph; each paragraph as one_line_text.
std::string paragraph_text(const xmlNode* node);

// The text of the first child called `name`, one line; "" when there is none.
std::string child_text(const xmlNode* parent, std::string_view name);

}  // namespace gazette
