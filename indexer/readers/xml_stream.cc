#include "indexer/readers/xml_stream.h"

#include <libxml/xmlreader.h>

#include <algorithm>
#include <exception>
#include <memory>

#include "common/text/ascii.h"
#include "common/text/utf8.h"
#include "indexer/readers/html_entities.h"

namespace gazette {
namespace {

struct XmlError {
    int line = 0;  // in the file
    std::string text;
};

// What the callbacks libxml2 calls need; owned by the reading functions' frames, never global.
struct StreamState {
    ByteSource* source = nullptr;  // null when the parser reads from memory
    std::vector<XmlError> errors;  // errors and fatal errors, in order
    std::string input_error;       // the byte source's own failure (damaged .gz, ...)
    int line_offset = 0;           // added to libxml2's line numbers (a record cut out)
};

// A record no longer than this is cut out of a damaged file; a longer one is a missing end tag.
constexpr std::size_t kMaxRecordBytes = 64u << 20;
// The part of a damaged file before its first record that is searched for the prolog's
// encoding and namespaces.
constexpr std::size_t kMaxPrologBytes = 1u << 16;

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

// libxml2's messages name other lines too ("mismatch: b line 3 and p"): in a record cut out
// of a damaged file those count from the record, and are made the file's.
std::string shift_line_numbers(std::string_view message, int offset) {
    std::string out;
    constexpr std::string_view kLine = "line ";
    for (std::size_t i = 0; i < message.size();) {
        if (message.substr(i, kLine.size()) == kLine && i + kLine.size() < message.size() &&
            message[i + kLine.size()] >= '0' && message[i + kLine.size()] <= '9') {
            std::size_t j = i + kLine.size();
            long n = 0;
            while (j < message.size() && message[j] >= '0' && message[j] <= '9' && n < 100000000)
                n = n * 10 + (message[j++] - '0');
            out += std::string(kLine) + std::to_string(n + offset);
            i = j;
            continue;
        }
        out.push_back(message[i++]);
    }
    return out;
}

void error_callback(void* context, xmlErrorPtr error) {
    if (!error || error->level < XML_ERR_ERROR)
        return;  // warnings (an undeclared entity in a document with a DTD) lose nothing
    auto* state = static_cast<StreamState*>(context);
    if (state->errors.size() >= 1000)
        return;  // a hopeless file must not fill memory with messages
    int line = error->line + state->line_offset;
    std::string message = error->message ? std::string(trim(error->message)) : "malformed XML";
    if (state->line_offset != 0)
        message = shift_line_numbers(message, state->line_offset);
    state->errors.push_back({line, "line " + std::to_string(line) + ": " + message});
}

std::string join_errors(const std::vector<XmlError>& errors) {
    std::string out;
    for (std::size_t i = 0; i < errors.size() && i < 3; ++i)
        out += (out.empty() ? "" : "; ") + errors[i].text;
    if (errors.size() > 3)
        out += "; and " + std::to_string(errors.size() - 3) + " more";
    return out;
}

struct ReaderDeleter {
    void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};
using ReaderPtr = std::unique_ptr<xmlTextReader, ReaderDeleter>;

std::string_view as_view(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// The parse options: never load a DTD or anything over the network. Entities are not
// substituted (no XML_PARSE_NOENT), so no external entity is read and no nest of internal
// ones is expanded (xml_nodes.cc takes each one's text once). The first reading asks for
// recovery (libxml2 then still reports where the damage is, which is all it is used for);
// the records of a damaged file are parsed strictly.
// XML_PARSE_BIG_LINES: line numbers past 65,535 (libxml2 caps them otherwise), for the
// messages and for telling which record an error is in.
constexpr int kStrictOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
                               XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
constexpr int kRecoveringOptions = kStrictOptions | XML_PARSE_RECOVER;

bool is_record(const XmlRecords& records, std::string_view name) {
    for (auto r : records.names) {
        if (r == name)
            return true;
    }
    return false;
}

int line_of(const xmlNode* node) {
    return node ? static_cast<int>(xmlGetLineNo(node)) : 0;
}

// The line of the last element start in an element's subtree (text nodes' lines are not
// reliable in libxml2's trees).
int last_line(const xmlNode* node) {
    int last = line_of(node);
    for (const xmlNode* n = node; n;) {
        last = std::max(last, line_of(n));
        const xmlNode* child = n->last;
        while (child && child->type != XML_ELEMENT_NODE)
            child = child->prev;
        n = child;
    }
    return last;
}

// The streaming reading. Returns 0 when the document was read to its end without an error,
// else the number of the first record not handed over: the damaged one, or the one after an
// error outside the records. It stops at the first damage: libxml2's recovery guesses the
// structure after a broken tag, and may nest the following records in the broken one.
std::size_t streaming_pass(xmlTextReader* reader, StreamState& state, const XmlRecords& records,
                           const std::function<XmlAction(const XmlElementStart&)>& choose,
                           const std::function<void(const XmlTaken&)>& take) {
    std::vector<std::string> ancestors;
    std::size_t records_seen = 0;
    int status = xmlTextReaderRead(reader);
    while (status == 1) {
        if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT) {
            status = xmlTextReaderRead(reader);
            continue;
        }
        int line = line_of(xmlTextReaderCurrentNode(reader));
        for (const auto& e : state.errors) {
            if (e.line < line)
                return records_seen + 1;  // damage before this element
        }
        int depth = xmlTextReaderDepth(reader);
        if (depth < 0)
            break;
        ancestors.resize(std::min<std::size_t>(ancestors.size(), static_cast<std::size_t>(depth)));
        XmlElementStart start;
        start.local_name = as_view(xmlTextReaderConstLocalName(reader));
        start.ns = as_view(xmlTextReaderConstNamespaceUri(reader));
        start.depth = depth;
        start.ancestors = &ancestors;
        if (choose(start) == XmlAction::kTake) {
            bool record = is_record(records, start.local_name);
            XmlTaken item;
            item.index = record ? ++records_seen : 0;
            item.line = line;
            item.node = xmlTextReaderExpand(reader);
            if (!item.node)
                return record ? item.index : records_seen + 1;
            int last = last_line(item.node);
            for (const auto& e : state.errors) {
                if (e.line <= last)
                    return record ? item.index : records_seen + 1;
            }
            // Errors the parser met reading ahead, past this element, stop the reading at the
            // first element after them (the check above), or in the record holding them.
            take(item);
            status = xmlTextReaderNext(reader);
            continue;
        }
        if (!xmlTextReaderIsEmptyElement(reader))
            ancestors.emplace_back(start.local_name);
        status = xmlTextReaderRead(reader);
    }
    if (status < 0 || !state.errors.empty() || !state.input_error.empty())
        return records_seen + 1;
    return 0;
}

// Where a record starts in `text` from `from`: "<item", "<atom:entry" followed by a space,
// '>' or '/'; sets `qname` to the name as written.
std::size_t find_record_start(std::string_view text, std::size_t from, const XmlRecords& records,
                              std::string& qname) {
    for (std::size_t at = text.find('<', from); at != std::string_view::npos;
         at = text.find('<', at + 1)) {
        std::size_t name_end = at + 1;
        while (name_end < text.size() &&
               kAsciiSpace.find(text[name_end]) == std::string_view::npos &&
               text[name_end] != '>' && text[name_end] != '/' && text[name_end] != '<')
            ++name_end;
        if (name_end >= text.size() || name_end == at + 1)
            continue;
        std::string_view name = text.substr(at + 1, name_end - at - 1);
        std::size_t colon = name.find(':');
        if (is_record(records, colon == std::string_view::npos ? name : name.substr(colon + 1))) {
            qname = std::string(name);
            return at;
        }
    }
    return std::string_view::npos;
}

// The encoding the XML declaration names, and every namespace declaration before the first
// record, to put around a record cut out of the file.
struct Prolog {
    std::string encoding;
    std::string namespaces;  // ' xmlns="..." xmlns:dc="..."'
};

Prolog read_prolog(std::string_view text) {
    Prolog prolog;
    if (text.starts_with("<?xml")) {
        std::string_view decl = text.substr(0, text.find("?>"));
        std::size_t at = decl.find("encoding");
        if (at != std::string_view::npos) {
            std::size_t quote = decl.find_first_of("\"'", at);
            if (quote != std::string_view::npos) {
                std::size_t close = decl.find(decl[quote], quote + 1);
                if (close != std::string_view::npos)
                    prolog.encoding = std::string(decl.substr(quote + 1, close - quote - 1));
            }
        }
    }
    std::vector<std::string> seen;
    for (std::size_t at = text.find("xmlns"); at != std::string_view::npos;
         at = text.find("xmlns", at + 5)) {
        if (at == 0 || kAsciiSpace.find(text[at - 1]) == std::string_view::npos)
            continue;
        std::size_t eq = text.find('=', at);
        if (eq == std::string_view::npos)
            break;
        std::string_view name = trim(text.substr(at, eq - at));
        if (name != "xmlns" && !name.starts_with("xmlns:"))
            continue;
        std::size_t quote = text.find_first_not_of(kAsciiSpace, eq + 1);
        if (quote == std::string_view::npos || (text[quote] != '"' && text[quote] != '\''))
            continue;
        std::size_t close = text.find(text[quote], quote + 1);
        if (close == std::string_view::npos)
            break;
        std::string key(name);
        if (std::find(seen.begin(), seen.end(), key) != seen.end())
            continue;  // the outermost declaration of a prefix is kept: records use the root's
        seen.push_back(key);
        prolog.namespaces += " " + key + "=" + std::string(text.substr(quote, close - quote + 1));
    }
    return prolog;
}

// Parses one record cut out of a damaged file, strictly, and hands it over with the file's
// line numbers; its parser errors make it a damaged record.
void parse_cut_record(const std::string& record, std::size_t index, int line, const Prolog& prolog,
                      const std::string& display_name, const XmlRecords& records,
                      const std::function<void(const XmlTaken&)>& take) {
    // One line before the record: its line 1 is the file's `line`.
    std::string doc = "<?xml version=\"1.0\"" +
                      (prolog.encoding.empty() ? "" : " encoding=\"" + prolog.encoding + "\"") +
                      "?><gazette-record" + prolog.namespaces + ">" + record + "</gazette-record>";
    StreamState state;
    state.line_offset = line - 1;
    ReaderPtr reader(xmlReaderForMemory(doc.data(), static_cast<int>(doc.size()),
                                        display_name.c_str(), nullptr, kStrictOptions));
    XmlTaken item;
    item.index = index;
    item.line = line;
    if (!reader) {
        item.error = "libxml2 could not start reading";
        take(item);
        return;
    }
    xmlTextReaderSetStructuredErrorHandler(reader.get(), error_callback, &state);
    int status = xmlTextReaderRead(reader.get());
    while (status == 1 && !item.node) {
        if (xmlTextReaderNodeType(reader.get()) == XML_READER_TYPE_ELEMENT &&
            xmlTextReaderDepth(reader.get()) == 1 &&
            is_record(records, as_view(xmlTextReaderConstLocalName(reader.get())))) {
            // Kept when the reader reads on (it frees what it has passed otherwise).
            if (xmlTextReaderExpand(reader.get()))
                item.node = xmlTextReaderPreserve(reader.get());
            break;
        }
        status = xmlTextReaderRead(reader.get());
    }
    // Read to the end, so that damage after the point the node was complete is seen too.
    while (status == 1)
        status = xmlTextReaderNext(reader.get());
    if (!state.errors.empty()) {
        item.node = nullptr;
        item.error = join_errors(state.errors);
    } else if (!item.node) {
        item.error = "the record could not be read";
    }
    take(item);
}

// The second reading of a damaged file: every record from number `from` on, cut out of the
// text and parsed on its own. Returns the line ranges of the records it read.
std::vector<std::pair<int, int>> resynchronised_pass(
    const XmlSourceOpener& open, const std::string& display_name, const XmlRecords& records,
    std::size_t from, const std::function<void(const XmlTaken&)>& take, XmlStreamEnd& end) {
    std::vector<std::pair<int, int>> ranges;
    std::unique_ptr<ByteSource> source = open();
    if (!source) {
        end.stopped =
            "it is damaged, and standard input cannot be read a second time to "
            "read on after the damage: records from number " +
            std::to_string(from) + " on were not read";
        return ranges;
    }
    HtmlEntitySource filtered(*source);
    LineReader lines(filtered);
    std::string line, prolog_text, record, qname, end_tag;
    Prolog prolog;
    std::size_t index = 0;
    bool in_record = false;
    int record_line = 0;
    auto finish = [&](int last) {
        in_record = false;
        if (index < from)
            return;
        ranges.emplace_back(record_line, last);
        parse_cut_record(record, index, record_line, prolog, display_name, records, take);
    };
    for (;;) {
        try {
            if (!lines.next(line))
                break;
        } catch (const std::exception& e) {
            end.stopped = e.what();
            break;
        }
        line.push_back('\n');
        int number = static_cast<int>(lines.line_number());
        std::string_view text = line;
        std::size_t pos = 0;
        while (pos < text.size()) {
            if (!in_record) {
                std::size_t at = find_record_start(text, pos, records, qname);
                if (index == 0 && prolog_text.size() < kMaxPrologBytes)
                    prolog_text += text.substr(pos, at == std::string_view::npos ? at : at - pos);
                if (at == std::string_view::npos)
                    break;
                if (index == 0)
                    prolog = read_prolog(trim_start(without_utf8_bom(prolog_text)));
                ++index;
                in_record = true;
                record_line = number;
                end_tag = "</" + qname + ">";
                record.assign(text.substr(at, 1));
                pos = at + 1;
                continue;
            }
            std::size_t close = text.find(end_tag, pos);
            std::size_t next = find_record_start(text, pos, records, qname);
            if (next != std::string_view::npos &&
                (close == std::string_view::npos || next < close)) {
                record += text.substr(pos, next - pos);  // cut off by the next record
                finish(number);
                pos = next;
                continue;
            }
            if (close != std::string_view::npos) {
                record += text.substr(pos, close + end_tag.size() - pos);
                finish(number);
                pos = close + end_tag.size();
                continue;
            }
            record += text.substr(pos);
            if (record.size() > kMaxRecordBytes) {
                record.clear();
                record += "<!-- longer than 64 MB -->";  // fails as an unterminated record
                finish(number);
            }
            break;
        }
    }
    if (in_record)
        finish(static_cast<int>(lines.line_number()));
    return ranges;
}

}  // namespace

XmlStreamEnd read_xml_stream(const XmlSourceOpener& open, const std::string& display_name,
                             const XmlRecords& records,
                             const std::function<XmlAction(const XmlElementStart&)>& choose,
                             const std::function<void(const XmlTaken&)>& take) {
    XmlStreamEnd end;
    StreamState state;
    std::unique_ptr<ByteSource> source = open();
    HtmlEntitySource filtered(*source);
    state.source = &filtered;
    std::size_t resume_from = 0;
    {
        ReaderPtr reader(xmlReaderForIO(read_callback, close_callback, &state, display_name.c_str(),
                                        nullptr, kRecoveringOptions));
        if (!reader) {
            end.stopped = "libxml2 could not start reading";
            return end;
        }
        xmlTextReaderSetStructuredErrorHandler(reader.get(), error_callback, &state);
        resume_from = streaming_pass(reader.get(), state, records, choose, take);
    }
    if (resume_from == 0)
        return end;
    if (!state.input_error.empty()) {
        end.stopped = state.input_error;
        return end;
    }
    source.reset();
    auto ranges = resynchronised_pass(open, display_name, records, resume_from, take, end);
    // What the first reading found outside the records read again: damage in the prolog,
    // between records or after the last.
    for (const auto& e : state.errors) {
        bool in_record = false;
        for (const auto& [first, last] : ranges)
            in_record = in_record || (e.line >= first && e.line <= last);
        if (!in_record)
            end.errors.push_back(e.text);
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
    root.local_name =
        std::string(colon == std::string_view::npos ? qname : qname.substr(colon + 1));
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
