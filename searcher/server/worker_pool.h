// The threads that serve connections: httplib hands each accepted connection to this task
// queue, and the WaitingRoom each connection whose next request has arrived (through
// HttpServer). Each thread owns a WorkerContext (its own SearchSession, so its own
// Xapian::Database), which handlers reach through WorkerPool::current(). A connection accepted
// while `max_queued` others already wait is still handed to a worker, but marked `shed`: the
// service answers it 503 at once instead of searching, so a backlog drains quickly instead of
// growing without bound.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "searcher/engine/search_session.h"

namespace gazette::server {

struct WorkerContext {
    std::unique_ptr<SearchSession> session;
    bool shed = false;  // this connection came in while the queue was full
    // When the running job was queued: for a new connection, when it was accepted.
    std::chrono::steady_clock::time_point job_enqueued_at;
    // Set by a handler that answered without reading the request's body (or to shed load):
    // the connection is closed after this answer. httplib itself only closes when asked to
    // by the client.
    bool close_after_answer = false;
    std::optional<std::chrono::steady_clock::time_point> request_start;  // for the access log
};

class WorkerPool : public httplib::TaskQueue {
  public:
    using ContextFactory = std::function<std::unique_ptr<SearchSession>()>;

    WorkerPool(std::size_t threads, std::size_t max_queued, ContextFactory factory);
    ~WorkerPool() override;

    void enqueue(std::function<void()> fn) override;
    // Runs every queued connection, then joins the threads (httplib calls this after stop()).
    void shutdown() override;

    // The context of the worker thread calling this, or nullptr outside a worker.
    static WorkerContext* current();
    // The current worker's search session; std::logic_error outside a worker thread.
    static SearchSession& current_session();

  private:
    struct Job {
        std::function<void()> fn;
        bool shed = false;
        std::chrono::steady_clock::time_point enqueued_at;
    };
    void run_worker();

    std::size_t max_queued_;
    ContextFactory factory_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace gazette::server
