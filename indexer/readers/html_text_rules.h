// The rules by which HTML becomes article text, one definition for both of its readers: the
// page reader (html_page.cc, gumbo: a whole page, broken markup read as browsers read it)
// and the fragment reader (html_fragment.cc, libxml2: a feed item's HTML, where gumbo's
// parse was most of the reading cost). Which elements are page furniture, which start a
// paragraph, and how text pieces become clean paragraphs.
#pragma once

#include <string>
#include <string_view>

#include "common/text/ascii.h"

namespace gazette {

// Deeper than any real page; past it, markup is an attack or a generator bug, and its
// content is ignored rather than overflowing the stack.
inline constexpr int kMaxHtmlDepth = 400;

// Elements (lower-case names) that are page furniture or non-text, never part of an
// article's text: nav, header, footer, aside, script, style, form, figure, media, ...
bool is_boilerplate_element(std::string_view name);

// Elements whose content is never text, even when all text is asked for (a <title>).
bool is_script_element(std::string_view name);

// Elements (lower-case names) that start a new paragraph of the extracted text.
bool is_block_element(std::string_view name);

// Whether an element's attributes hide it or mark it as furniture: hidden,
// aria-hidden="true", role="navigation" (or banner, contentinfo, complementary, search).
// `attribute(name)` gives an attribute's value, null when the element has none.
template <typename AttributeOf>
bool is_hidden_by_attributes(const AttributeOf& attribute) {
    if (attribute("hidden"))
        return true;
    if (const char* aria = attribute("aria-hidden"); aria && ascii_lower(aria) == "true")
        return true;
    if (const char* role = attribute("role")) {
        std::string r = ascii_lower(role);
        return r == "navigation" || r == "banner" || r == "contentinfo" || r == "complementary" ||
               r == "search";
    }
    return false;
}

// Builds paragraphs from text pieces: whitespace runs collapse to one space, soft hyphens
// (U+00AD, invisible break hints) and zero-width characters go, and no-break spaces
// (U+00A0, U+202F narrow, U+2007 figure, U+2009 thin) become spaces, so that "22 mai" and
// "pre\u00ADmier" index as the words a reader sees.
class TextBuilder {
  public:
    void add(std::string_view text);
    // Ends the current paragraph; returns it (empty when it held only whitespace).
    std::string flush();

  private:
    void space();
    std::string current_;
};

}  // namespace gazette
