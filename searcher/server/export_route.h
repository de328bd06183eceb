// GET /api/export: every match of a search streamed as CSV or JSON Lines (chunked, as an
// attachment), under its own time budget and a cap on exports running at once (limits.h);
// docs/export.md. Errors before the first row are the API's JSON errors (routes.cc guards
// the handler); after it, the stream is cut off and the reason logged.
#pragma once

#include <httplib.h>

#include <atomic>
#include <memory>

#include "searcher/server/limits.h"

namespace gazette::server {

class ExportHandler {
  public:
    explicit ExportHandler(const Limits& limits);
    void operator()(const httplib::Request& req, httplib::Response& res) const;

  private:
    const Limits& limits_;
    std::shared_ptr<std::atomic<std::size_t>> running_;  // exports now streaming
};

}  // namespace gazette::server
