// HTML's named entities (&nbsp;, &eacute;, &mdash;, ...) in XML files. Feeds and wire
// stories use them, but XML knows only its five (&lt; &gt; &amp; &quot; &apos;) and those a
// DTD declares, which is never loaded (NITF's DTD declares the HTML ones): to libxml2 they
// are undeclared, and the text around them would be lost or the record rejected. They are
// rewritten as character references (&nbsp; → &#160;) before the parser sees them, which is
// what they mean in HTML; inside CDATA, whose HTML gumbo decodes later, the meaning is the
// same. Names that are not HTML entities are left for the parser (a DTD of the document's
// own may declare them).
#pragma once

#include <string>
#include <string_view>

#include "indexer/readers/input_stream.h"

namespace gazette {

// `text` with every HTML named entity other than XML's five as a numeric reference.
std::string with_numeric_html_entities(std::string_view text);

// The same over a stream: an entity cut by a read boundary is held back until complete.
class HtmlEntitySource : public ByteSource {
  public:
    explicit HtmlEntitySource(ByteSource& source) : source_(source) {}
    std::size_t read(char* buffer, std::size_t size) override;

  private:
    ByteSource& source_;
    std::string ready_;  // rewritten bytes not handed out yet, from ready_at_
    std::size_t ready_at_ = 0;
    std::string held_;  // the tail of the last read: maybe the start of an entity
    bool end_ = false;
};

}  // namespace gazette
