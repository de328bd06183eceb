// CSV as RFC 4180 writes it, for every CSV Gazette prints (timelines, exports).
#pragma once

#include <string>
#include <string_view>

namespace gazette {

// A field: quoted when it holds a comma, a quote, CR or LF (quotes doubled), else as is.
std::string csv_field(std::string_view value);

}  // namespace gazette
