#include "indexer/readers/html_fragment.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <climits>
#include <memory>
#include <vector>

#include "indexer/readers/html_text_rules.h"

namespace gazette {
namespace {

// The state of one fragment's reading, handed to each SAX callback as its user data.
struct FragmentText {
    TextBuilder text;
    std::vector<std::string> paragraphs;
    int depth = 0;       // elements open, libxml2's implied <html> and <body> included
    int skip_below = 0;  // > 0: inside a left-out element opened at this depth

    void end_paragraph() {
        if (auto p = text.flush(); !p.empty())
            paragraphs.push_back(std::move(p));
    }
};

FragmentText& state_of(void* user_data) {
    return *static_cast<FragmentText*>(user_data);
}

std::string_view name_of(const xmlChar* name) {
    return name ? reinterpret_cast<const char*>(name) : "";
}

// libxml2 gives attributes as a null-terminated array of name, value, name, value, ...
const char* attribute_of(const xmlChar** attributes, const char* wanted) {
    for (; attributes && attributes[0]; attributes += 2) {
        if (xmlStrcasecmp(attributes[0], reinterpret_cast<const xmlChar*>(wanted)) == 0)
            return attributes[1] ? reinterpret_cast<const char*>(attributes[1]) : "";
    }
    return nullptr;
}

void on_start(void* user_data, const xmlChar* name, const xmlChar** attributes) {
    FragmentText& s = state_of(user_data);
    ++s.depth;
    if (s.skip_below > 0)
        return;
    std::string_view tag = name_of(name);
    // The page rules' depth: the page walk starts at <html> as 0.
    bool left_out = s.depth - 1 > kMaxHtmlDepth ||
                    (s.depth > 1 && (tag == "h1" || is_boilerplate_element(tag) ||
                                     is_hidden_by_attributes([attributes](const char* a) {
                                         return attribute_of(attributes, a);
                                     })));
    if (left_out) {
        s.skip_below = s.depth;
        return;
    }
    if (is_block_element(tag))
        s.end_paragraph();
}

void on_end(void* user_data, const xmlChar* name) {
    FragmentText& s = state_of(user_data);
    if (s.skip_below > 0) {
        if (s.depth == s.skip_below)
            s.skip_below = 0;
    } else if (is_block_element(name_of(name))) {
        s.end_paragraph();
    }
    --s.depth;
}

void on_text(void* user_data, const xmlChar* text, int length) {
    FragmentText& s = state_of(user_data);
    if (s.skip_below == 0 && length > 0)
        s.text.add(std::string_view(reinterpret_cast<const char*>(text),
                                    static_cast<std::size_t>(length)));
}

struct ContextDeleter {
    void operator()(htmlParserCtxt* context) const { htmlFreeParserCtxt(context); }
};

}  // namespace

std::string html_fragment_text(std::string_view html) {
    if (html.empty() || html.size() > static_cast<std::size_t>(INT_MAX))
        return {};
    std::unique_ptr<htmlParserCtxt, ContextDeleter> context(
        htmlCreateMemoryParserCtxt(html.data(), static_cast<int>(html.size())));
    if (!context)
        return {};
    FragmentText state;
    // Only what the rules need: element starts and ends and text. No tree is built, comments
    // and processing instructions are dropped, and (error and warning left null, with
    // HTML_PARSE_NOERROR | NOWARNING below) nothing is printed: bad markup is read as
    // libxml2 recovers it.
    htmlSAXHandler sax{};
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.ignorableWhitespace = on_text;
    sax.cdataBlock = on_text;
    *context->sax = sax;
    context->userData = &state;
    htmlCtxtUseOptions(context.get(), HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                          HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                          HTML_PARSE_IGNORE_ENC);
    // The text is UTF-8 already (a feed's XML reader decoded it): a <meta charset> in it, or
    // libxml2's guess when it sees no declaration, must not decode it a second time.
    xmlSwitchEncoding(context.get(), XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(context.get());
    state.end_paragraph();

    std::string out;
    for (const auto& p : state.paragraphs) {
        if (!out.empty())
            out.push_back('\n');
        out += p;
    }
    return out;
}

}  // namespace gazette
