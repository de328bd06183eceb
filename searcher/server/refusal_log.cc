#include "searcher/server/refusal_log.h"

#include <chrono>
#include <cstdio>

#include "searcher/server/access_log.h"

namespace gazette::server {

int answer_status(std::string_view answer) {
    // "HTTP/1.1 " is 9 bytes, then three digits.
    if (answer.size() < 12 || answer.substr(0, 5) != "HTTP/")
        return 0;
    int status = 0;
    for (char c : answer.substr(9, 3)) {
        if (c < '0' || c > '9')
            return 0;
        status = status * 10 + (c - '0');
    }
    return status;
}

std::pair<std::string, std::string> request_method_and_path(std::string_view head) {
    auto line_end = head.find_first_of("\r\n");
    std::string_view line = head.substr(0, line_end);
    auto space = line.find(' ');
    std::string method(line.substr(0, space));
    if (method.empty())
        method = "-";
    if (space == std::string_view::npos)
        return {method, "-"};
    std::string_view target = line.substr(space + 1);
    target = target.substr(0, target.find_first_of(" ?"));  // queries stay out of logs
    // A line cut short (no end yet) may end inside the path: it is still what arrived.
    return {method, target.empty() ? "-" : std::string(target)};
}

void RefusalLog::record(const Connection& connection, std::string_view answer) const {
    int status = answer_status(answer);
    double seconds =
        std::chrono::duration<double>(Connection::Clock::now() - connection.waiting_since())
            .count();
    metrics_.record_request(status, seconds);
    if (quiet_)
        return;
    auto [method, path] = request_method_and_path(connection.unparsed());
    std::string line = access_log_line(method, path, status, seconds * 1000) + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);  // one write: lines never interleave
}

}  // namespace gazette::server
