// Whether a stream is a terminal: decides colours and progress lines.
#pragma once

#include <cstdio>

namespace gazette {

bool is_terminal(std::FILE* stream);

}  // namespace gazette
