#include "searcher/server/access_log.h"

#include <cstdio>

namespace gazette::server {

std::string access_log_line(const std::string& method, const std::string& path, int status,
                            double milliseconds) {
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.2f", milliseconds);
    std::string line = method + " ";
    // Control characters could forge log lines; the path is as the client sent it.
    for (char c : path)
        line += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    line += ' ';
    line += std::to_string(status);
    line += ' ';
    line += ms;
    line += " ms";
    return line;
}

}  // namespace gazette::server
