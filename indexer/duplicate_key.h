// Near-duplicate cluster key: copies of one story (another headline, a trimmed last
// paragraph, an agency credit in front, other whitespace, a word or two changed) get the
// same key, different stories get different ones. The key is stored in kSlotDuplicateKey and
// the searcher collapses on it. docs/duplicates.md describes the scheme, its measured
// precision and recall, and how it fails.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"

namespace gazette {

// The words the key is computed from: the body's words, lowercased (Unicode), without a
// leading agency credit or credited dateline ("(Reuters) - ", "LONDON, March 3 (AP) - ").
std::vector<std::string> duplicate_key_words(std::string_view body);

// The key of a body: 16 hex digits, or "" when the body has no words (such articles are
// never collapsed). A pure function of the text: the same on every shard, thread and run.
std::string duplicate_key_of_body(std::string_view body);

// The key of an article: that of its body (the headline is ignored: copies often change it),
// but for a body too short to tell stories apart (under 8 words besides stop words, such as
// Reuters' "Blah blah blah." under a headline): that of its headline and body together.
std::string duplicate_key(const Article& article);

}  // namespace gazette
