// RSS 2.0 feeds saved to disk (and RSS 0.9x / 1.0, which share <item>): one article per item.
#pragma once

#include <string>
#include <string_view>

#include "indexer/readers/article_sink.h"
#include "indexer/readers/input_stream.h"
#include "indexer/readers/xml_stream.h"

namespace gazette {

struct FeedContext {
    std::string default_source;  // --source, when the feed has no title
    std::string display_name;
};

// Reads every <item> in bounded memory. docs/article-format.md gives the mapping: guid (else
// link) → id, title, link → url, pubDate (else dc:date) → date, author and dc:creator →
// authors, category → tags, content:encoded (else description) reduced from HTML to text by
// the HTML reader's rules → body, the channel's title → source, dc:language or the channel's
// language → language. An item without guid or link, or without text, is rejected.
void read_rss(const XmlSourceOpener& open, const FeedContext& context, ArticleSink& sink);

// True when the first bytes are XML whose root is <rss> (or RSS 1.0's <rdf:RDF> of an RSS
// channel).
bool looks_like_rss(std::string_view head);

}  // namespace gazette
