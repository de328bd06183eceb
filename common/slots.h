// The one list of Xapian value slots. Both the indexer (which writes them) and the searcher
// (which sorts, filters, collapses and counts facets on them) use these names only.
#pragma once

#include <xapian/types.h>

namespace gazette {

enum Slot : Xapian::valueno {
    kSlotDate = 0,      // Xapian::sortable_serialise(seconds since epoch, UTC); absent if undated
    kSlotId = 1,        // the article id as given (tie-breaker for stable ordering)
    kSlotSource = 2,    // source as written in the input ("Financial Times"); facet value
    kSlotSection = 3,   // section as written in the input; facet value
    kSlotYear = 4,      // "YYYY" of the date; facet value (date histogram)
    kSlotMonth = 5,     // "YYYY-MM" of the date; facet value (date histogram)
    kSlotLanguage = 6,  // ISO 639-1 code of the article's language
};

}  // namespace gazette
