// XML files read in bounded memory with libxml2's streaming xmlTextReader: the caller picks
// the elements it wants (a feed's <item>s, a message's <newsItem>s) and is handed each one as
// a small DOM subtree, which is freed once the next is read. The encoding the prolog declares
// (ISO-8859-1, Windows-1252, ...) is decoded by libxml2; no DTD or external entity is ever
// loaded and nothing is fetched from the network. Damage inside an element is reported with
// it; libxml2's recovery mode then reads on, so one broken item does not cost the rest.
#pragma once

#include <libxml/tree.h>

#include <functional>
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
    std::size_t index = 0;  // 1 for the first element taken
    int line = 0;           // of its start tag
    // The parser's errors inside the element ("line 12: Opening and ending tag mismatch:
    // ..."); empty when it was well formed. A damaged element's node may be partial.
    std::string error;
};

struct XmlStreamEnd {
    // Errors outside any taken element (in the prolog, between items), one per line.
    std::vector<std::string> errors;
    // Set when the parser gave up (an encoding it cannot decode, bytes that are not
    // characters): the message and line; what followed was not read.
    std::string stopped;
};

// Reads the XML document `source` yields, calling `choose` for every element start outside
// a taken element and `take` for each element it chose to take. `display_name` is used as
// the document's URL in libxml2's messages only.
XmlStreamEnd read_xml_stream(ByteSource& source, const std::string& display_name,
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
