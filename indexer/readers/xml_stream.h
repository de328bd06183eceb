// XML files read in bounded memory with libxml2's streaming xmlTextReader: the caller picks
// the elements it wants (a feed's <item>s, a message's <newsItem>s) and is handed each one as
// a small DOM subtree, which is freed once the next is read. The encoding the prolog declares
// (ISO-8859-1, Windows-1252, ...) is decoded by libxml2; no DTD or external entity is ever
// loaded and nothing is fetched from the network. At the first damage the streaming reading
// stops (libxml2's reader hands out nothing past a well-formedness error, and its recovery
// would guess the structure anyway), and the file is read a second time from the first record
// not handed over, record by record (XmlRecords below): one broken item costs only itself.
#pragma once

#include <libxml/tree.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/readers/input_stream.h"

namespace gazette {

// An element as the stream meets its start tag, before its content is read.
struct XmlElementStart {
    std::string_view local_name;  // without its prefix: "item", "newsItem"
    std::string_view ns;          // its namespace URI, "" for none
    int depth = 0;                // 0 for the root
    // Local names of the enclosing elements, root first.
    const std::vector<std::string>* ancestors = nullptr;
};

enum class XmlAction {
    kDescend,  // read on into the element's content
    kTake,     // expand the element and hand it to the taker, then go past it
};

// One element the chooser took.
struct XmlTaken {
    const xmlNode* node = nullptr;
    // Its number among the records (XmlRecords::names) from 1; 0 for an element that is not
    // a record (a channel's title taken for its items).
    std::size_t index = 0;
    int line = 0;  // of its start tag
    // The parser's errors inside the element ("line 12: Opening and ending tag mismatch:
    // ..."); empty when it was well formed. The node of a damaged element may be null.
    std::string error;
};

// The elements that are the records of a format (an RSS <item>, a NewsML-G2 <newsItem>, ...),
// which never nest. When the file is damaged, reading starts again at the first record not yet
// handed over: from there each record is cut out of the text at its start and end tags and
// parsed on its own (with the namespaces and encoding of the file's prolog), so that a broken
// record costs only itself, with the file's line numbers in its message.
struct XmlRecords {
    std::vector<std::string_view> names;
};

struct XmlStreamEnd {
    // Errors outside any record (in the prolog, between records, after the last), one each.
    std::vector<std::string> errors;
    // Set when the file could not be read to its end (a damaged compressed stream): what
    // followed was not read.
    std::string stopped;
};

// Opens the file again from its start (the second reading of a damaged file); null when it
// cannot be (standard input): the records after the damage are then reported as not read.
using XmlSourceOpener = std::function<std::unique_ptr<ByteSource>()>;

// Reads the XML document `open` yields, calling `choose` for every element start outside a
// taken element and `take` for each element it chose to take (every record must be taken).
// `display_name` is used as the document's URL in libxml2's messages only.
XmlStreamEnd read_xml_stream(const XmlSourceOpener& open, const std::string& display_name,
                             const XmlRecords& records,
                             const std::function<XmlAction(const XmlElementStart&)>& choose,
                             const std::function<void(const XmlTaken&)>& take);

// Whether `head` (a file's first bytes) is XML whose root element has this local name, and
// (when `ns` is not empty) this namespace or none: after a byte order mark, blank space, the
// XML declaration, comments, processing instructions and a DOCTYPE. The root's namespace is
// read from its own xmlns attributes.
struct XmlRoot {
    std::string local_name;
    std::string ns;  // the namespace of the root's prefix (or the default one), "" for none
};
bool xml_root_of(std::string_view head, XmlRoot& root);

}  // namespace gazette
