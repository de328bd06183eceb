#include "searcher/server/worker_pool.h"

namespace gazette::server {
namespace {

// Each worker thread points this at the context on its own stack while it runs. It is the
// only way from an httplib handler (which gets a Request and a Response only) back to the
// thread's own database.
WorkerContext*& current_context() {
    thread_local WorkerContext* context = nullptr;
    return context;
}

}  // namespace

WorkerPool::WorkerPool(std::size_t threads, std::size_t max_queued, ContextFactory factory)
    : max_queued_(max_queued), factory_(std::move(factory)) {
    for (std::size_t i = 0; i < threads; ++i)
        threads_.emplace_back([this] { run_worker(); });
}

WorkerPool::~WorkerPool() {
    if (!threads_.empty())
        shutdown();
}

SearchSession& WorkerPool::current_session() {
    WorkerContext* context = current();
    if (!context || !context->session)
        throw std::logic_error("request outside a worker thread");
    return *context->session;
}

WorkerContext* WorkerPool::current() {
    return current_context();
}

void WorkerPool::enqueue(std::function<void()> fn) {
    {
        std::lock_guard lock(mutex_);
        bool shed = jobs_.size() >= max_queued_;
        jobs_.push_back(Job{std::move(fn), shed, std::chrono::steady_clock::now()});
    }
    wake_.notify_one();
}

void WorkerPool::shutdown() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_)
        t.join();
    threads_.clear();
}

void WorkerPool::run_worker() {
    WorkerContext context;
    context.session = factory_();
    current_context() = &context;
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty())
                break;  // stopping, and nothing left to answer
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        context.shed = job.shed;
        context.job_enqueued_at = job.enqueued_at;
        job.fn();  // httplib's: reads requests on the connection, answers, closes it
        context.shed = false;
    }
    current_context() = nullptr;
}

}  // namespace gazette::server
