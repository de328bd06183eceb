// NewsML-G2 (IPTC, 2.x): what wire services deliver. A file holds one item (newsItem,
// packageItem, ...) or a newsMessage of several; each newsItem of text is an article.
#pragma once

#include <string>
#include <string_view>

#include "indexer/readers/article_sink.h"
#include "indexer/readers/input_stream.h"
#include "indexer/readers/xml_stream.h"

namespace gazette {

struct NewsmlContext {
    std::string default_source;  // --source, when the item names no provider
    std::string display_name;
};

// Reads every newsItem of the file in bounded memory. docs/article-format.md gives the
// mapping: guid → id and version → version (a higher version replaces a lower one, never
// the other way round), contentMeta's headline, by/creator, subject (by type: people,
// organisations, places, else tags), located, language, contentCreated / firstCreated /
// versionCreated → date, provider → source, service → section; the body from contentSet
// (inlineXML holding NITF or XHTML, or inlineData; description when there is none).
// packageItems, conceptItems, knowledgeItems, planningItems and picture, video, audio and
// graphic newsItems are not articles: counted through sink.skip() with the reason.
void read_newsml(const XmlSourceOpener& open, const NewsmlContext& context, ArticleSink& sink);

// True when the first bytes are XML whose root is a NewsML-G2 item or newsMessage.
bool looks_like_newsml(std::string_view head);

}  // namespace gazette
