// cpp-httplib's Server with our own connection handling. httplib gives each connection a
// thread from accept to close, blocked in reads for as long as the client keeps sending a
// byte now and then; here a thread only ever reads a request that has already arrived whole
// (the WaitingRoom holds connections until then, and between keep-alive requests), and every
// read and write has a deadline (Connection). Parsing, routing and answering stay httplib's
// (Server::process_request).
#pragma once

#include <httplib.h>

#include <memory>

#include "searcher/server/connection.h"
#include "searcher/server/refusal_log.h"
#include "searcher/server/server.h"
#include "searcher/server/waiting_room.h"
#include "searcher/server/worker_pool.h"

namespace gazette::server {

class HttpServer : public httplib::Server {
  public:
    HttpServer(const ServerConfig& config, Metrics& metrics);
    ~HttpServer() override;

    // After bind: the packaged httplib listens with a backlog of 5, so a burst of connections
    // (an attack, or just many clients at once) overflowed it while the accept thread was not
    // scheduled, and each dropped SYN cost its client a retransmission (1 s, then 3 s, 7 s).
    // Listening again on the bound socket only changes the backlog (capped by somaxconn).
    void widen_backlog(int backlog);

  private:
    class QueueHandle;

    // httplib calls this on a worker thread for each accepted socket (a private virtual of
    // httplib::Server; overriding it is how the connection becomes ours).
    bool process_and_close_socket(socket_t sock) override;
    // Answers the requests of `connection` that have arrived; parks it in the waiting room
    // when the next one has not. Runs on a worker thread.
    void serve(std::unique_ptr<Connection> connection);
    void dispatch(std::unique_ptr<Connection> connection);
    // Writes an answer of our own (no httplib Response) and counts and logs it.
    void refuse(Connection& connection, const std::string& answer) const;

    ConnectionTimeouts timeouts_;
    WorkerPool pool_;
    RefusalLog refusals_;
    WaitingRoom room_;  // after pool_: destroyed first, as it hands connections to the pool
};

}  // namespace gazette::server
