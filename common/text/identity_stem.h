// A "stemmer" that returns each word unchanged, for languages Xapian 1.4 has no Snowball
// stemmer for (Ukrainian, Polish, Chinese, ...).
#pragma once

#include <xapian.h>

namespace gazette {

// With STEM_SOME the query parser turns a lower-case query word into a Z term through the
// query's stemmer (English by default). Articles indexed without any stemmer have no Z terms,
// so such a query would never find them; indexed through this one they have Z + word, which
// English stemming leaves alone for every non-Latin script (київ → Zкиїв) and most foreign
// Latin words. docs/languages.md says what this does not give: inflected forms.
Xapian::Stem identity_stem();

}  // namespace gazette
