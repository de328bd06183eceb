// Where alert lines go: appended to a file (flushed and synced, so a line written is a line
// delivered) or standard output, and optionally POSTed to a webhook (http only) as one
// application/x-ndjson request per batch. A webhook that keeps failing is warned about and
// skipped: the lines are in the file or on stdout regardless.
#pragma once

#include <cstdio>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace gazette {

class AlertSink {
  public:
    // `path` "" or "-" is standard output. Throws UsageError for a file that cannot be opened
    // or a webhook that is not an http:// URL.
    AlertSink(const std::string& path, const std::string& webhook);
    ~AlertSink();
    AlertSink(const AlertSink&) = delete;
    AlertSink& operator=(const AlertSink&) = delete;

    void emit(const std::vector<std::string>& lines);

    // (alert, id) of every line already in the output file; empty for standard output. Used
    // to re-emit, after a crash, only what did not get out.
    std::set<std::pair<std::string, std::string>> delivered() const;

  private:
    void post(const std::string& body);

    std::string path_;
    std::FILE* out_ = nullptr;
    std::string host_;  // of the webhook: "http://host:port"
    std::string target_;
};

}  // namespace gazette
