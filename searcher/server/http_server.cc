#include "searcher/server/http_server.h"

#include <sys/socket.h>

#include <ctime>

#include "searcher/server/api_error.h"
#include "searcher/server/request_readiness.h"

namespace gazette::server {
namespace {

std::string overloaded_answer(const std::string& why) {
    std::string body = error_body("overloaded: " + why);
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
           "Retry-After: 1\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

std::string overloaded_answer(WaitingRoom::Refusal refusal, const WaitingRoom::Options& room,
                              const Connection& connection) {
    if (refusal == WaitingRoom::Refusal::kClientFull) {
        std::string client;
        int port = 0;
        connection.get_remote_ip_and_port(client, port);
        return overloaded_answer(std::to_string(room.per_client) + " connections from " + client +
                                 " are already waiting for their request");
    }
    return overloaded_answer(std::to_string(room.capacity) +
                             " connections are already waiting for their request");
}

WaitingRoom::Options room_options(const Limits& limits) {
    WaitingRoom::Options options;
    options.capacity = limits.max_waiting_connections;
    options.per_client = limits.max_waiting_per_client;
    options.max_body_bytes = limits.max_body_bytes;
    options.request_timeout = std::chrono::milliseconds(limits.request_timeout_ms);
    return options;
}

}  // namespace

// What httplib's accept loop sees as its task queue: the pool that outlives it. At shutdown
// (after stop()) the waiting connections are closed first, so that nothing is handed to the
// pool while it drains the connections already queued.
class HttpServer::QueueHandle : public httplib::TaskQueue {
  public:
    explicit QueueHandle(HttpServer& server) : server_(server) {}
    void enqueue(std::function<void()> fn) override { server_.pool_.enqueue(std::move(fn)); }
    void shutdown() override {
        server_.room_.stop();
        server_.pool_.shutdown();
    }

  private:
    HttpServer& server_;
};

HttpServer::HttpServer(const ServerConfig& config, Metrics& metrics)
    : timeouts_{std::chrono::milliseconds(config.limits.request_timeout_ms),
                std::chrono::milliseconds(config.limits.idle_timeout_seconds * 1000)},
      pool_(config.threads, config.limits.max_queued_connections,
            [&config, &metrics] {
                SessionOptions session = config.session;
                session.on_new_revision = [&metrics] {
                    metrics.record_reopen(static_cast<double>(std::time(nullptr)));
                };
                return std::make_unique<SearchSession>(std::move(session));
            }),
      refusals_(metrics, config.quiet),
      room_(
          room_options(config.limits),
          [this](std::unique_ptr<Connection> c) { dispatch(std::move(c)); },
          [this](const Connection& c, const std::string& answer) { refusals_.record(c, answer); }) {
    new_task_queue = [this] { return new QueueHandle(*this); };
}

HttpServer::~HttpServer() {
    room_.stop();
    pool_.shutdown();
}

void HttpServer::widen_backlog(int backlog) {
    socket_t sock = svr_sock_;
    if (sock != INVALID_SOCKET)
        ::listen(sock, backlog);
}

bool HttpServer::process_and_close_socket(socket_t sock) {
    // The request's clock starts at accept, not when a worker got to it: time spent in the
    // queue counts, so a connection that waited out its deadline there is closed at once.
    auto accepted = Connection::Clock::now();
    if (WorkerContext* context = WorkerPool::current())
        accepted = context->job_enqueued_at;
    serve(std::make_unique<Connection>(sock, timeouts_, accepted));
    return true;
}

void HttpServer::refuse(Connection& connection, const std::string& answer) const {
    refusals_.record(connection, answer);
    connection.send_now(answer);
}

void HttpServer::dispatch(std::unique_ptr<Connection> connection) {
    // std::function must be copyable; the connection is closed if the job never runs.
    auto holder = std::make_shared<std::unique_ptr<Connection>>(std::move(connection));
    pool_.enqueue([this, holder] { serve(std::move(*holder)); });
}

void HttpServer::serve(std::unique_ptr<Connection> connection) {
    const WaitingRoom::Options& room = room_.options();
    while (svr_sock_ != INVALID_SOCKET) {  // stop(): answer nothing new
        auto received = connection->receive_available(room.buffer_bytes());
        auto readiness =
            request_readiness(connection->unparsed(), room.max_body_bytes, room.max_head_bytes);
        if (readiness == Readiness::kTooLarge) {
            refuse(*connection, too_large_answer(connection->unparsed(), room.max_head_bytes));
            return;
        }
        if (readiness == Readiness::kIncomplete) {
            if (received == Connection::Received::kPeerClosed)
                return;
            if (Connection::Clock::now() >= connection->deadline()) {
                if (connection->request_started())
                    refuse(*connection, request_timeout_answer(timeouts_.request));
                return;
            }
            bool fresh = connection->requests_served() == 0;
            WaitingRoom::Refusal why;
            connection = room_.admit(std::move(connection), &why);
            if (!connection)
                return;  // the waiting room has it now
            // The room (or this client's share of it) is full: a new connection is told so;
            // an idle keep-alive one is just closed (it opens a new connection when it has
            // something to ask).
            if (fresh)
                refuse(*connection, overloaded_answer(why, room, *connection));
            return;
        }
        WorkerContext* context = WorkerPool::current();
        if (context)
            context->close_after_answer = false;
        bool last = connection->requests_served() + 1 >= keep_alive_max_count_;
        bool client_closes = false;
        bool ok = process_request(*connection, last, client_closes, nullptr);
        if (!ok || last || client_closes || connection->failed() ||
            (context && context->close_after_answer)) {
            return;
        }
        connection->next_request();
    }
}

}  // namespace gazette::server
