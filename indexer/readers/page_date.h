// Dates as web pages write them, reduced to what parse_iso_datetime (common/date.h) accepts.
// Metadata dates are mostly ISO 8601 with variants; visible datelines are written out in
// words ("22 mai 2012", "May 22, 2012", "22. Mai 2012"), so month names are needed too.
#pragma once

#include <optional>
#include <string_view>

#include "common/date.h"

namespace gazette {

// A date from page metadata (meta tags, JSON-LD, <time datetime>, WARC-Date): ISO 8601 and
// its common variants ("2012-05-22 07:44:00 UTC", "2012/05/22", "20120522"), RFC 1123
// ("Tue, 22 May 2012 07:44:00 GMT"), or a date in words in English, French or German with an
// optional "hh:mm[:ss]" and zone. A time that cannot be read is dropped, keeping the day.
std::optional<ParsedDate> parse_page_date(std::string_view text);

// A dateline opening a paragraph: "22 mai 2012. - Prévu…", "1er août 2012, Espagne. - …",
// "May 22, 2012 — …", "22. Mai 2012 – …". Only a date at the very start counts, so that
// dates mentioned in the running text are never taken for the publication date.
std::optional<ParsedDate> parse_dateline(std::string_view paragraph);

}  // namespace gazette
