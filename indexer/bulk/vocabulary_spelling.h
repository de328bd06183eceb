// Spelling data ("did you mean") for a database built in one run (a scratch part or segment,
// a new shard), from its vocabulary in one pass at the end.
//
// Xapian's TermGenerator can add spelling data as it indexes (FLAG_SPELLING), but it does so
// for every word occurrence, which made it a large share of indexing time. A database built
// in one run can instead add each distinct word once, with its collection frequency as the
// word frequency: the spelling table comes out the same, and compaction adds the segments'
// frequencies together.
#pragma once

#include <xapian.h>

#include "common/schema.h"

namespace gazette {

// Adds every unprefixed word of `db` to its spelling data, unless the database says this was
// done already (kSpellingAddedKey, set here in the same commit as the data). Numbers are left
// out: nobody misspells them in a way a suggestion could fix. The caller commits.
void add_spelling_from_vocabulary(Xapian::WritableDatabase& db);

}  // namespace gazette
