// Plain text and Markdown: one article per file; the first non-empty line is the headline.
#pragma once

#include <string>

#include "indexer/readers/article_sink.h"

namespace gazette {

struct TextFileContext {
    std::string id;            // path relative to the directory given, or the file name
    std::string section;       // first directory of that relative path, or ""
    std::string source;        // --source, or ""
    std::string display_name;  // for messages
};

// Turns the bytes of one text file into an article. Text that is not UTF-8 is decoded as
// Latin-1 (with a warning), since old archives are full of it.
void read_text_document(std::string content, const TextFileContext& context, ArticleSink& sink);

}  // namespace gazette
