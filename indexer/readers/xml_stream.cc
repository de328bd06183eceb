#include "indexer/readers/xml_stream.h"

#include <libxml/xmlreader.h>

#include <exception>
#include <memory>

#include "common/text/ascii.h"
#include "common/text/utf8.h"

namespace gazette {
namespace {

// What the callbacks libxml2 calls need; owned by read_xml_stream's frame, never global.
struct StreamState {
    ByteSource* source = nullptr;
    std::vector<std::string> errors;  // errors and fatal errors, in order
    std::string input_error;          // the byte source's own failure (damaged .gz, ...)
};

int read_callback(void* context, char* buffer, int length) {
    auto* state = static_cast<StreamState*>(context);
    try {
        return static_cast<int>(state->source->read(buffer, static_cast<std::size_t>(length)));
    } catch (const std::exception& e) {  // must not unwind through libxml2's C frames
        state->input_error = e.what();
        return -1;
    }
}

int close_callback(void*) {
    return 0;  // the caller owns the source
}

void error_callback(void* context, xmlErrorPtr error) {
    if (!error || error->level < XML_ERR_ERROR)
        return;  // warnings (an undeclared entity in a document with a DTD) lose nothing
    auto* state = static_cast<StreamState*>(context);
    if (state->errors.size() >= 1000)
        return;  // a hopeless file must not fill memory with messages
    std::string message = error->message ? std::string(trim(error->message)) : "malformed XML";
    state->errors.push_back("line " + std::to_string(error->line) + ": " + message);
}

std::string join_errors(const std::vector<std::string>& errors, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < errors.size() && i < from + 3; ++i)
        out += (out.empty() ? "" : "; ") + errors[i];
    if (errors.size() > from + 3)
        out += "; and " + std::to_string(errors.size() - from - 3) + " more";
    return out;
}

struct ReaderDeleter {
    void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};

std::string_view as_view(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// The parse options: recover from damage, and never load a DTD or anything over the
// network. Entities are not substituted (no XML_PARSE_NOENT), so no external entity is read
// and no nest of internal ones is expanded (xml_nodes.cc takes each one's text once).
constexpr int kParseOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOCDATA |
                              XML_PARSE_COMPACT | XML_PARSE_NOWARNING;

}  // namespace

XmlStreamEnd read_xml_stream(ByteSource& source, const std::string& display_name,
                             const std::function<XmlAction(const XmlElementStart&)>& choose,
                             const std::function<void(const XmlTaken&)>& take) {
    StreamState state;
    state.source = &source;
    XmlStreamEnd end;
    std::unique_ptr<xmlTextReader, ReaderDeleter> reader(xmlReaderForIO(
        read_callback, close_callback, &state, display_name.c_str(), nullptr, kParseOptions));
    if (!reader) {
        end.stopped = "libxml2 could not start reading";
        return end;
    }
    xmlTextReaderSetStructuredErrorHandler(reader.get(), error_callback, &state);
    std::vector<std::string> ancestors;
    std::size_t taken = 0;
    std::size_t reported = 0;  // errors already given to an item or to end.errors
    int status = xmlTextReaderRead(reader.get());
    while (status == 1) {
        if (xmlTextReaderNodeType(reader.get()) != XML_READER_TYPE_ELEMENT) {
            status = xmlTextReaderRead(reader.get());
            continue;
        }
        int depth = xmlTextReaderDepth(reader.get());
        if (depth < 0)
            break;
        ancestors.resize(std::min<std::size_t>(ancestors.size(), static_cast<std::size_t>(depth)));
        XmlElementStart start;
        start.local_name = as_view(xmlTextReaderConstLocalName(reader.get()));
        start.ns = as_view(xmlTextReaderConstNamespaceUri(reader.get()));
        start.depth = depth;
        start.ancestors = &ancestors;
        for (std::size_t i = reported; i < state.errors.size(); ++i)
            end.errors.push_back(state.errors[i]);
        reported = state.errors.size();
        if (choose(start) == XmlAction::kTake) {
            XmlTaken item;
            item.index = ++taken;
            item.line = xmlTextReaderGetParserLineNumber(reader.get());
            item.node = xmlTextReaderExpand(reader.get());
            item.error = join_errors(state.errors, reported);
            if (!item.node && item.error.empty())
                item.error = "the element could not be read";
            reported = state.errors.size();
            take(item);
            status = xmlTextReaderNext(reader.get());
            continue;
        }
        if (!xmlTextReaderIsEmptyElement(reader.get()))
            ancestors.emplace_back(start.local_name);
        status = xmlTextReaderRead(reader.get());
    }
    for (std::size_t i = reported; i < state.errors.size(); ++i)
        end.errors.push_back(state.errors[i]);
    if (!state.input_error.empty()) {
        end.stopped = state.input_error;
    } else if (status < 0) {
        end.stopped = state.errors.empty() ? "the parser stopped" : state.errors.back();
    }
    return end;
}

namespace {

// Skips what may precede the root element; false when `rest` ends first.
bool skip_prolog(std::string_view& rest) {
    for (;;) {
        rest = trim_start(rest);
        std::string_view close;
        if (rest.starts_with("<?")) {
            close = "?>";
        } else if (rest.starts_with("<!--")) {
            close = "-->";
        } else if (rest.starts_with("<!DOCTYPE") || rest.starts_with("<!doctype")) {
            // An internal subset in brackets may hold '>' of its own declarations.
            std::size_t bracket = rest.find('[');
            std::size_t gt = rest.find('>');
            close = bracket != std::string_view::npos && bracket < gt ? "]>" : ">";
        } else {
            return rest.starts_with("<");
        }
        std::size_t at = rest.find(close);
        if (at == std::string_view::npos)
            return false;
        rest = rest.substr(at + close.size());
    }
}

bool is_name_byte(char c) {
    return c != '\0' && kAsciiSpace.find(c) == std::string_view::npos && c != '>' && c != '/' &&
           c != '=' && c != '<';
}

}  // namespace

bool xml_root_of(std::string_view head, XmlRoot& root) {
    std::string_view rest = without_utf8_bom(head);
    if (!skip_prolog(rest))
        return false;
    rest.remove_prefix(1);  // '<'
    std::size_t name_end = 0;
    while (name_end < rest.size() && is_name_byte(rest[name_end]))
        ++name_end;
    if (name_end == 0 || name_end == rest.size())
        return false;
    std::string_view qname = rest.substr(0, name_end);
    std::size_t colon = qname.find(':');
    std::string_view prefix = colon == std::string_view::npos ? "" : qname.substr(0, colon);
    root.local_name = std::string(colon == std::string_view::npos ? qname : qname.substr(colon + 1));
    root.ns.clear();
    std::string_view tag = rest.substr(name_end, rest.find('>', name_end) - name_end);
    std::string wanted = prefix.empty() ? "xmlns=" : "xmlns:" + std::string(prefix) + "=";
    for (std::size_t at = tag.find(wanted); at != std::string_view::npos;
         at = tag.find(wanted, at + 1)) {
        if (at > 0 && is_name_byte(tag[at - 1]))
            continue;  // the tail of another attribute's name
        std::size_t quote = at + wanted.size();
        if (quote >= tag.size() || (tag[quote] != '"' && tag[quote] != '\''))
            break;
        std::size_t close = tag.find(tag[quote], quote + 1);
        if (close == std::string_view::npos)
            break;
        root.ns = std::string(tag.substr(quote + 1, close - quote - 1));
        break;
    }
    return true;
}

}  // namespace gazette
