// The text of an HTML fragment: a feed item's content:encoded or description, an Atom
// content of type html, a NewsML-G2 inlineData of HTML. Read with libxml2's HTML parser
// through its SAX interface (no tree is built), by the HTML reader's rules
// (html_text_rules.h). Gumbo, the page reader's parser, took about three times as long per
// fragment and was most of RSS reading's cost (docs/benchmarks.md).
#pragma once

#include <string>
#include <string_view>

namespace gazette {

// All the fragment's text, one paragraph per line: boilerplate elements (scripts, forms,
// figures, navigation, hidden elements) and <h1> left out, whitespace collapsed, soft hyphens
// and zero-width characters removed, no-break spaces made spaces. A fragment has no main
// element to choose. `html` is UTF-8 (any encoding it declares is ignored). Never throws on
// bad markup.
std::string html_fragment_text(std::string_view html);

}  // namespace gazette
