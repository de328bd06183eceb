// NITF (News Industry Text Format, IPTC, 3.x): the archive format of many newspapers, one
// <nitf> document per article (the New York Times Annotated Corpus: one file each). Also
// the body of many NewsML-G2 items (newsml_reader.h).
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>

#include "common/article.h"
#include "common/date.h"
#include "indexer/readers/article_sink.h"
#include "indexer/readers/input_stream.h"
#include "indexer/readers/xml_stream.h"

namespace gazette {

struct NitfContext {
    std::string id;              // when the document has no doc-id: the file's relative path
    std::string default_source;  // --source, when pubdata names no publication
    std::string display_name;
};

// Reads every <nitf> element of the file (usually the root, one per file) in bounded memory.
// docs/article-format.md gives the mapping: doc-id → id, hl1 → title, hl2 and the dateline
// open the body, byline → authors, date.issue / date.publication / date.release → date,
// pubdata → source, section and url, classifiers and identified-content → tags, people,
// places and organizations. Damaged XML rejects the document it is in.
void read_nitf(const XmlSourceOpener& open, const NitfContext& context, ArticleSink& sink);

// Fills `article` from one <nitf> element: every field read_nitf maps. The id stays as it is
// when the document has no doc-id.
void nitf_to_article(const xmlNode* nitf, Article& article);

// The body text of a NITF <body> (or of a whole <nitf>): the full_text block when there is
// one, else every block of body.content; hl2 and the dateline first. Paragraphs one per line.
std::string nitf_body_text(const xmlNode* nitf_or_body);

// NITF's "norm" dates: ISO 8601 basic ("20070105T134500-0500", "20070105T134500Z",
// "20070105") or extended forms.
std::optional<ParsedDate> parse_nitf_date(std::string_view text);

// True when the first bytes are XML whose root element is <nitf>.
bool looks_like_nitf(std::string_view head);

}  // namespace gazette
