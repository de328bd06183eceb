// Database-level facts of the schema: its version and the metadata keys we write.
//
// Term prefixes (see fields.cc for the table that generates them):
//   (none)  body and headline words, stemmed (Z prefix) and unstemmed, positional
//   S       headline words            A   author words
//   XSRC    source (boolean, folded)  XSEC section (boolean, folded)
//   K       tag (boolean, folded)     XTP/XTG/XTO people/places/organisations words
//   XP/XG/XO  people/places/organisations full values (boolean, folded)
//   XAU     author full value (boolean, folded)      XLANG language code (boolean)
//   XURL    url (boolean, folded)
// No prefix is a prefix of another (tests/unit/common_test.cc checks), so terms never mix.
//   Q       unique article id         D   date as YYYYMMDD (boolean)
// Values: see slots.h. Document data: the article as a JSON object (article_json.h).
#pragma once

namespace gazette {

inline constexpr int kSchemaVersion = 1;
inline constexpr const char* kSchemaVersionKey = "gazette:schema-version";

}  // namespace gazette
