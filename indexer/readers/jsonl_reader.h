// JSON Lines: one article record per line (docs/article-format.md).
#pragma once

#include <string>
#include <string_view>

#include "indexer/readers/article_sink.h"
#include "indexer/readers/input_stream.h"

namespace gazette {

// Reads every line of `source`; blank lines are skipped, each bad line is rejected with its
// line number, and damage to the stream itself rejects the rest of the file in one line.
void read_jsonl(ByteSource& source, const std::string& display_name, ArticleSink& sink);

// True when the first bytes of a file look like JSON Lines: after a byte order mark and
// blank lines, an object whose first member name (or end) follows: `{"` or `{}`.
bool looks_like_jsonl(std::string_view head);

}  // namespace gazette
