// Reuters-21578 SGML (reut2-*.sgm): many <REUTERS> records per file.
#pragma once

#include <string>
#include <string_view>

#include "indexer/readers/article_sink.h"

namespace gazette {

// Reads every <REUTERS> record of one file's bytes. NEWID → id "reuters:N"; DATE; TITLE;
// DATELINE + BODY (or the unprocessed TEXT) → body; TOPICS → tags; PEOPLE, PLACES, ORGS.
// Bytes that are not UTF-8 are Latin-1; entities (&lt;, &#3;) are decoded.
void read_reuters_sgml(std::string content, const std::string& display_name, ArticleSink& sink);

// True when the first bytes of a file look like Reuters-21578 SGML: after blank space, the
// collection's <!DOCTYPE lewis ...> or a <REUTERS ...> record.
bool looks_like_reuters_sgml(std::string_view head);

// Decodes SGML/HTML character references: the five named XML entities and numeric ones.
// Unknown named entities are kept as written.
std::string decode_sgml_entities(std::string_view text);

}  // namespace gazette
