// Adds the folded name keys (common/text/name_folding.h) of a document's words as extra
// terms, so that a query in one spelling or script finds the others.
#pragma once

#include <xapian.h>

#include "common/text/name_folding.h"

namespace gazette {

// For every word indexed unprefixed (title and body) or under a field flagged kFieldFoldsNames,
// adds kFoldedPrefix + key with the word's wdf, unless the key is the word itself (then the
// plain term already answers for it, and the index stays small: on English text only names
// like "Zelenskyy" or "Kiev" get one). No positions: keys take part in word queries, not
// in phrases.
void add_folded_terms(Xapian::Document& doc, NameFolder& folder);

}  // namespace gazette
