// Acronyms typed in lower case. Xapian's TermGenerator indexes "U.S." in an article as the
// one word "us", but only capitals make an acronym, for the indexer and for the QueryParser
// alike: "u.s. trade" typed in lower case (or "U.S" read by the parser as "u" and "s" after
// a space, as in "U.S ." in the TIME collection's queries) becomes the phrase "u s", which
// the index holds only where an article itself wrote "u.s." in lower case.
#pragma once

#include <xapian.h>

namespace gazette {

// `q` with each phrase of two or more single letters (what the parser makes of "u.s") also
// matching the letters as one word: (u PHRASE s) becomes ((u PHRASE s) OR us), so "u.s."
// finds the articles "U.S." finds, and "a.m." still finds "a.m.". Phrases inside other
// phrases, NEAR, synonyms and wildcards are left as they are; `q` itself comes back when
// nothing changed.
Xapian::Query with_dotted_acronyms(const Xapian::Query& q);

}  // namespace gazette
