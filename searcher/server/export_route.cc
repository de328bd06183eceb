#include "searcher/server/export_route.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>

#include "searcher/export/match_export.h"
#include "searcher/server/api_error.h"
#include "searcher/server/api_request.h"
#include "searcher/server/worker_pool.h"

namespace gazette::server {
namespace {

// A place among the exports that may run at once, held from the match to the last row.
class ExportSlot {
  public:
    ExportSlot(std::atomic<std::size_t>& running, std::size_t most) : running_(running) {
        if (running_.fetch_add(1) >= most) {
            running_.fetch_sub(1);
            throw ApiError(503, std::to_string(most) +
                                    " exports are running, the most at once; try again later");
        }
    }
    ~ExportSlot() { running_.fetch_sub(1); }
    ExportSlot(const ExportSlot&) = delete;
    ExportSlot& operator=(const ExportSlot&) = delete;

  private:
    std::atomic<std::size_t>& running_;
};

// What the stream needs after the handler returned (httplib calls the content provider
// then, in the same worker thread).
struct RunningExport {
    std::unique_ptr<ExportSlot> slot;
    std::unique_ptr<MatchExport> exporter;
};

}  // namespace

ExportHandler::ExportHandler(const Limits& limits)
    : limits_(limits), running_(std::make_shared<std::atomic<std::size_t>>(0)) {}

void ExportHandler::operator()(const httplib::Request& req, httplib::Response& res) const {
    const Limits& limits = limits_;
    ExportApiRequest request =
        export_request_from_params(req.params, limits, static_cast<double>(std::time(nullptr)));
    Deadline deadline = deadline_in(limits.export_time_budget_seconds);
    auto stream = std::make_shared<RunningExport>();
    stream->slot = std::make_unique<ExportSlot>(*running_, limits.max_concurrent_exports);
    ExportOptions options;
    options.format = request.format;
    options.fields = request.fields;
    options.deadline = deadline;
    stream->exporter = std::make_unique<MatchExport>(WorkerPool::current_session(), request.search,
                                                     std::move(options));
    bool csv = request.format == ExportFormat::kCsv;
    res.set_header("Content-Disposition", csv ? "attachment; filename=\"gazette-export.csv\""
                                              : "attachment; filename=\"gazette-export.jsonl\"");
    res.set_header("X-Gazette-Rows", std::to_string(stream->exporter->rows()));
    res.set_chunked_content_provider(
        csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
        [stream](std::size_t, httplib::DataSink& sink) {
            try {
                unsigned long long written =
                    stream->exporter->write([&](std::string_view piece, unsigned long long) {
                        return sink.write(piece.data(), piece.size());
                    });
                if (written < stream->exporter->rows())
                    return false;  // the client went away
            } catch (const std::exception& e) {
                // The status went out with the first chunk: the stream ends without its
                // last chunk, which every HTTP client reports as an incomplete transfer.
                std::string line = std::string("export cut off: ") + e.what() + "\n";
                std::fwrite(line.data(), 1, line.size(), stderr);
                return false;
            }
            sink.done();
            return true;
        });
}

}  // namespace gazette::server
