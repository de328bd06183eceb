// Article ⇄ JSON object (the JSON Lines record of docs/article-format.md). The same form is
// stored as each Xapian document's data, so the searcher reads back what the indexer wrote.
// Both directions take the field names from the field table (fields.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/article.h"

namespace gazette {

// Parses and validates one JSON Lines record. Throws InputError with a one-line reason
// ("missing \"id\"", "not valid JSON: ...", "\"date\" is not an ISO 8601 date: ...").
Article article_from_json(std::string_view json_text);

// Validates a record produced by any reader: id present, some text, valid UTF-8 everywhere.
// Throws InputError naming the first problem.
void validate_article(const Article& article);

// Reads back a stored document's data (what article_to_json wrote when it was indexed), for
// search hits and completions. Not validated again, and no InputError: the
// record was checked when it was indexed. nullopt when the data is not such a record (a
// database some other program wrote); the caller shows what the values still give.
std::optional<Article> stored_article(std::string_view data);

// Serialises an article as one line of JSON (no trailing newline). Empty fields are left out.
std::string article_to_json(const Article& article);

}  // namespace gazette
