#include "common/terminal.h"

#include <unistd.h>

namespace gazette {

bool is_terminal(std::FILE* stream) {
    return ::isatty(::fileno(stream)) == 1;
}

}  // namespace gazette
