#include "searcher/server/routes.h"

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <functional>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "searcher/engine/result_json.h"
#include "searcher/engine/search_session.h"
#include "searcher/server/access_log.h"
#include "searcher/server/api_error.h"
#include "searcher/server/api_request.h"
#include "searcher/server/article_lookup.h"
#include "searcher/server/export_route.h"
#include "searcher/server/static_assets.h"
#include "searcher/server/suggest.h"
#include "searcher/server/worker_pool.h"
#include "searcher/timeline/timeline.h"
#include "searcher/timeline/timeline_json.h"

namespace gazette::server {
namespace {

constexpr const char* kJson = "application/json";

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

SearchSession& thread_session() {
    return WorkerPool::current_session();
}

// As the answering worker sees the index.
Xapian::doccount indexed_documents() {
    SearchSession& session = thread_session();
    return session.run([&] { return session.database().get_doccount(); });
}

void set_error(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(error_body(message), kJson);
}

// Turns whatever a handler threw into a status and {"error": ...}; nothing escapes to httplib.
Handler guarded(Handler handler) {
    return [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
        try {
            handler(req, res);
        } catch (const ApiError& e) {
            set_error(res, e.status(), e.what());
        } catch (const UsageError& e) {
            set_error(res, 400, e.what());
        } catch (const TimeBudgetExceeded& e) {
            set_error(res, 503, e.what());
        } catch (const Xapian::DatabaseModifiedError& e) {
            set_error(res, 503,
                      "the index changed during the search " + std::to_string(kSearchAttempts) +
                          " times in a row; try again");
        } catch (const Xapian::DatabaseOpeningError& e) {
            set_error(res, 503, "the index cannot be opened: " + e.get_msg());
        } catch (const Xapian::NetworkError& e) {
            // A remote shard is down (without --allow-partial): the message names it.
            set_error(res, 503, e.get_msg());
        } catch (const Xapian::Error& e) {
            set_error(res, 500, e.get_type() + std::string(": ") + e.get_msg());
        } catch (const std::exception& e) {
            set_error(res, 500, e.what());
        }
    };
}

void serve_asset(httplib::Response& res, const std::string& name) {
    const Asset* asset = find_asset(name);
    if (!asset)
        throw ApiError(404, "not found");
    res.set_content(std::string(asset->body), std::string(asset->content_type).c_str());
    // Everything the page loads comes from this service; the snippet HTML it inserts can
    // therefore never load or run anything else.
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                   "base-uri 'none'; frame-ancestors 'none'");
}

std::string default_message(int status) {
    switch (status) {
        case 400:
            return "bad request";
        case 404:
            return "not found";
        case 405:
            return "method not allowed (the service only answers GET and HEAD)";
        case 413:
            return "request too large";
        case 414:
            return "request URI too long";
        case 503:
            return "service unavailable";
        default:
            return "HTTP status " + std::to_string(status);
    }
}

void install_api(httplib::Server& http, const ServerConfig& config) {
    const Limits& limits = config.limits;
    http.Get("/api/search", guarded([&limits](const httplib::Request& req, httplib::Response& res) {
                 SearchRequest request = search_request_from_params(
                     req.params, limits, static_cast<double>(std::time(nullptr)));
                 res.set_content(results_to_json(thread_session().search(request)), kJson);
             }));
    http.Get("/api/export", guarded(ExportHandler(limits)));
    http.Get(
        "/api/timeline", guarded([&limits](const httplib::Request& req, httplib::Response& res) {
            TimelineRequest request = timeline_request_from_params(req.params, limits);
            res.set_content(timeline_to_json(compute_timeline(thread_session(), request)), kJson);
        }));
    http.Get(R"(/api/article/(.+))",
             guarded([](const httplib::Request& req, httplib::Response& res) {
                 std::string id = req.matches[1];
                 SearchSession& session = thread_session();
                 auto article = session.run([&] { return find_article(session.database(), id); });
                 if (!article)
                     throw ApiError(404, "no article with id \"" + id + "\"");
                 res.set_content(*article, kJson);
             }));
    http.Get(
        "/api/suggest", guarded([&limits](const httplib::Request& req, httplib::Response& res) {
            std::string q = query_param(req.params, limits);
            SearchSession& session = thread_session();
            Suggestions suggestions = session.run([&] { return suggest(session.database(), q); });
            res.set_content(suggestions_to_json(suggestions), kJson);
        }));
}

void install_operations(httplib::Server& http, Metrics& metrics) {
    http.Get("/healthz", guarded([](const httplib::Request&, httplib::Response& res) {
                 Xapian::doccount documents = indexed_documents();
                 res.set_content(nlohmann::json{{"status", "ok"}, {"documents", documents}}.dump(),
                                 kJson);
             }));
    http.Get("/metrics", guarded([&metrics](const httplib::Request&, httplib::Response& res) {
                 Xapian::doccount documents = indexed_documents();
                 res.set_content(metrics.render(documents), "text/plain; version=0.0.4");
             }));
}

void install_page(httplib::Server& http) {
    http.Get("/", guarded([](const httplib::Request&, httplib::Response& res) {
                 serve_asset(res, "index.html");
             }));
    // Only names of the embedded table are looked up: there is no file system behind this.
    http.Get(R"(/assets/([A-Za-z0-9_.-]+))",
             guarded([](const httplib::Request& req, httplib::Response& res) {
                 serve_asset(res, req.matches[1]);
             }));
}

// Sheds connections that came in over the queue limit, refuses methods other than GET and
// HEAD and request bodies, and notes when the request started, for the access log and the
// latency histogram. Each refusal comes before any body is read, so the connection is closed
// after it (close_after_answer): what the client sent next would not be a request.
void install_wrappers(httplib::Server& http, const ServerConfig& config, Metrics& metrics) {
    http.set_pre_routing_handler([&config](const httplib::Request& req, httplib::Response& res) {
        WorkerContext* context = WorkerPool::current();
        if (context)
            context->request_start = std::chrono::steady_clock::now();
        auto refuse = [&](int status, const std::string& message) {
            set_error(res, status, message);
            res.set_header("Connection", "close");
            if (context)
                context->close_after_answer = true;
            return httplib::Server::HandlerResponse::Handled;
        };
        if (context && context->shed) {
            res.set_header("Retry-After", "1");
            return refuse(503, "overloaded: more than " +
                                   std::to_string(config.limits.max_queued_connections) +
                                   " connections are waiting; try again shortly");
        }
        auto length = req.get_header_value<std::uint64_t>("Content-Length");
        if (length > config.limits.max_body_bytes) {
            return refuse(413, "request body of " + std::to_string(length) +
                                   " bytes; the limit is " +
                                   std::to_string(config.limits.max_body_bytes));
        }
        if (req.method != "GET" && req.method != "HEAD") {
            res.set_header("Allow", "GET, HEAD");
            return refuse(405, default_message(405));
        }
        // A chunked body could trickle in for as long as the client likes; the API has no use
        // for a body, so it is refused unread.
        if (req.has_header("Transfer-Encoding"))
            return refuse(400, "a chunked request body is not accepted (the API is GET only)");
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // httplib's own errors (unknown path, a body or URI too long, a malformed request) come
    // with an empty body; give them the API's JSON shape.
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty())
            return;
        std::string message = default_message(res.status);
        if (res.status == 404)
            message = "not found: " + req.path;
        set_error(res, res.status, message);
    });
    http.set_logger([&config, &metrics](const httplib::Request& req, const httplib::Response& res) {
        double seconds = 0;
        if (WorkerContext* context = WorkerPool::current(); context && context->request_start) {
            seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                                    *context->request_start)
                          .count();
            context->request_start.reset();
        }
        metrics.record_request(res.status, seconds);
        if (config.quiet)
            return;
        std::string line = access_log_line(req.method, req.path, res.status, seconds * 1000) + "\n";
        std::fwrite(line.data(), 1, line.size(), stderr);  // one write: lines never interleave
    });
}

}  // namespace

void install_routes(httplib::Server& http, const ServerConfig& config, Metrics& metrics) {
    install_wrappers(http, config, metrics);
    install_api(http, config);
    install_operations(http, metrics);
    install_page(http);
}

}  // namespace gazette::server
