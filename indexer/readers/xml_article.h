// What the XML readers (NITF, NewsML-G2, RSS, Atom) share once a record's fields are read:
// how a record is named in messages, the language code, and handing the article over.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "indexer/readers/article_sink.h"
#include "indexer/readers/xml_stream.h"

namespace gazette {

// "feed.xml: item 3 (line 45)": the record by its number among its kind and its line.
std::string xml_record_name(const std::string& display_name, std::string_view kind,
                            std::size_t index, int line);

// Sets the article's language from the first tag of `tags` that is an ISO 639-1 code, else
// a guess from its text (language_guess.h), else English.
void set_language(Article& article, const std::vector<std::string>& tags);

// Appends a cleaned value unless it is empty or already there.
void add_unique(std::vector<std::string>& list, std::string value);

// Validates the article (common/article_json.h) and accepts it, or rejects it with the reason.
void deliver_article(Article&& article, const std::string& where, ArticleSink& sink);

// Tells the sink what the stream found outside the records: errors between records as
// warnings, and a parser that gave up as a rejection (what followed was not read).
void report_stream_end(const XmlStreamEnd& end, const std::string& display_name, ArticleSink& sink);

// A record the parser found damaged: rejected with the parser's words.
void reject_damaged(const XmlTaken& taken, const std::string& where, ArticleSink& sink);

}  // namespace gazette
