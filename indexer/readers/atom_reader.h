// Atom feeds (RFC 4287) saved to disk: one article per <entry>.
#pragma once

#include <string_view>

#include "indexer/readers/rss_reader.h"

namespace gazette {

// Reads every <entry> in bounded memory. docs/article-format.md gives the mapping: id → id,
// title, the alternate link → url, published (else updated) → date, the entry's (else the
// feed's) author names → authors, category (label, else term) → tags, content (else summary)
// → body, text as written, html reduced to text by the HTML reader's rules, xhtml as its
// paragraphs; the feed's title → source, xml:lang → language.
void read_atom(const XmlSourceOpener& open, const FeedContext& context, ArticleSink& sink);

// True when the first bytes are XML whose root is Atom's <feed> (or a lone <entry>).
bool looks_like_atom(std::string_view head);

}  // namespace gazette
