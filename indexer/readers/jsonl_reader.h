// JSON Lines: one article record per line (docs/article-format.md).
#pragma once

#include <string>

#include "indexer/readers/article_sink.h"
#include "indexer/readers/input_stream.h"

namespace gazette {

// Reads every line of `source`; blank lines are skipped, each bad line is rejected with its
// line number, and damage to the stream itself rejects the rest of the file in one line.
void read_jsonl(ByteSource& source, const std::string& display_name, ArticleSink& sink);

}  // namespace gazette
