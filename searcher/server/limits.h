// What one request may ask of the service. Each limit is documented in docs/server.md, and
// each is answered with {"error": ...} and a status, never a crash or a hang.
#pragma once

#include <cstddef>

namespace gazette::server {

struct Limits {
    // Query text (q) in bytes: longer is 413. Real queries are a few words; a page of text
    // pasted into the box would make a query of hundreds of terms.
    std::size_t max_query_bytes = 2000;
    // Wall-clock budget of one search in seconds: over it is 503. Xapian also stops counting
    // (facets, exact totals) when it runs out, so a slow query ends near the budget.
    double time_budget_seconds = 2.0;
    // Connections accepted while this many wait for a worker are answered 503 at once.
    std::size_t max_queued_connections = 64;
    // Seconds a connection may stay idle (keep-alive, or between two bytes of a request or of
    // the answer being read) before the server closes it.
    int idle_timeout_seconds = 5;
    // Milliseconds a request may take to arrive whole (request line, headers, body), counted
    // from accept or from the previous answer: later is 408 and the connection is closed.
    // The same bounds the client's reading of one answer. Slow clients (slowloris) wait
    // without a thread (WaitingRoom), so this bounds their sockets, not the workers.
    long long request_timeout_ms = 10'000;
    // Connections waiting for a request at once (slow senders and idle keep-alive ones). A
    // new connection that would be one more is answered 503; keep it under `ulimit -n`.
    std::size_t max_waiting_connections = 1000;
    // Of those, connections from one remote address: beyond it that address's new ones are
    // answered 503, so one client opening sockets without sending cannot fill the room for
    // everyone. Behind a reverse proxy every client has the proxy's address: raise it to
    // max_waiting_connections there.
    std::size_t max_waiting_per_client = 250;
    // Requests served on one keep-alive connection before the server closes it, so that a
    // few busy clients cannot keep every worker to themselves.
    std::size_t keep_alive_max_requests = 100;
    // Wall-clock budget of one export (/api/export) in seconds, matching and streaming: an
    // export that would run longer is cut off (the client sees an incomplete transfer).
    double export_time_budget_seconds = 600;
    // Exports running at once: each holds a worker for its whole stream. One more is 503.
    std::size_t max_concurrent_exports = 2;
    // Request body size in bytes (the API only takes GET; a body is never needed): over is 413.
    std::size_t max_body_bytes = 8192;
};

}  // namespace gazette::server
