// The one list of Xapian value slots. Both the indexer (which writes them) and the searcher
// (which sorts, filters, counts facets and boosts recency on them) use these names only.
// Which field fills which facet slot is said once, in the field table (fields.cc).
#pragma once

namespace gazette {

// The underlying type is Xapian::valueno (an unsigned int); xapian.h stays out of this header.
enum Slot : unsigned {
    kSlotDate = 0,      // Xapian::sortable_serialise(seconds since epoch, UTC); absent if undated
    kSlotId = 1,        // the article id as given (tie-breaker for stable ordering)
    kSlotSource = 2,    // source as written in the input ("Financial Times"); facet value
    kSlotSection = 3,   // section as written in the input; facet value
    kSlotYear = 4,      // "YYYY" of the date; facet value (date histogram)
    kSlotMonth = 5,     // "YYYY-MM" of the date; facet value (date histogram)
    kSlotLanguage = 6,  // ISO 639-1 code of the article's language; facet value
    kSlotDay = 7,       // "YYYYMMDD" of the date: the bucket the recency boost maps to a weight
    kSlotTags = 8,      // every tag, as a value list (value_list.h); facet
    kSlotPeople = 9,    // every person, as a value list; facet
    kSlotPlaces = 10,   // every place, as a value list; facet
    kSlotOrgs = 11,     // every organisation, as a value list; facet
    kSlotAuthors = 12,  // every author, as a value list; facet
    kSlotDuplicateKey = 13,  // near-duplicate cluster key, 16 hex digits (indexer/duplicate_key.h);
                             // the collapse key. Absent for articles without body words
    // Sort keys that order by date and then id with one value each, because Xapian 1.4's
    // remote backend sorts by a value but not by a KeyMaker (common/sort_keys.h):
    kSlotNewestFirst = 14,  // "1" + descending date digits + id; undated "2" + id
    kSlotOldestFirst = 15,  // "1" + ascending date digits + id; undated "2" + id
    // The article's version (Article::version) as Xapian::sortable_serialise; absent when it
    // has none. The writers and the merge compare it before replacing an id.
    kSlotVersion = 16,
    kSlotNone = 0xffffffff,  // "no slot" in the field table
};

}  // namespace gazette
