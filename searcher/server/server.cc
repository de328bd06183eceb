#include "searcher/server/server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "searcher/engine/search.h"
#include "searcher/server/http_server.h"
#include "searcher/server/metrics.h"
#include "searcher/server/routes.h"

namespace gazette::server {
namespace {

// Threads, time limits and the waiting room are HttpServer's (http_server.h); these are the
// settings httplib still reads itself.
void configure(httplib::Server& http, const ServerConfig& config, Metrics& metrics) {
    const Limits& limits = config.limits;
    http.set_keep_alive_timeout(limits.idle_timeout_seconds);  // announced in Keep-Alive
    http.set_keep_alive_max_count(limits.keep_alive_max_requests);
    http.set_payload_max_length(limits.max_body_bytes);
    // Headers and body go out in separate writes; with Nagle's algorithm the second waits for
    // the client's delayed ACK, adding 40 ms to every answer on a keep-alive connection.
    http.set_tcp_nodelay(true);
    install_routes(http, config, metrics);
}

sigset_t stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    return signals;
}

// Waits for SIGINT or SIGTERM (blocked in every thread by block_stop_signals, so only this one
// sees them) and stops the server: httplib then stops accepting, answers the requests in
// flight and returns.
class SignalWatcher {
  public:
    // Call before any thread starts, so that every thread inherits the mask.
    static void block_stop_signals() {
        sigset_t signals = stop_signals();
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    }

    explicit SignalWatcher(httplib::Server& http) : http_(http), signals_(stop_signals()) {
        thread_ = std::thread([this] { watch(); });
    }
    ~SignalWatcher() {
        done_ = true;
        thread_.join();
    }

  private:
    void watch() {
        timespec tick{0, 200'000'000};
        while (!done_) {
            int sig = sigtimedwait(&signals_, nullptr, &tick);
            if (sig == SIGINT || sig == SIGTERM) {
                std::cerr << "gazette-search: stopping (finishing requests in flight)\n";
                http_.stop();
                return;
            }
        }
    }

    httplib::Server& http_;
    sigset_t signals_;
    std::atomic<bool> done_{false};
    std::thread thread_;
};

}  // namespace

std::size_t default_worker_threads() {
    std::size_t cores = std::thread::hardware_concurrency();  // 0 when it is not known
    return std::max<std::size_t>(4, 2 * cores);
}

int run_server(const ServerConfig& config) {
    // Fail at start, not on the first request, when the database cannot be opened. Closed
    // again at once: with --parallel it has shard processes of its own.
    Xapian::doccount documents = [&] {
        SearchSession probe(config.session);
        return probe.run([&] { return probe.database().get_doccount(); });
    }();
    // A client that hangs up mid-answer must not kill the process.
    signal(SIGPIPE, SIG_IGN);

    Metrics metrics;
    SignalWatcher::block_stop_signals();  // HttpServer starts its threads at once
    HttpServer http(config, metrics);
    configure(http, config, metrics);
    SignalWatcher watcher(http);
    int port = config.listen.port;
    if (port == 0) {
        port = http.bind_to_any_port(config.listen.host);
    } else if (!http.bind_to_port(config.listen.host, port)) {
        port = -1;
    }
    if (port <= 0) {
        throw std::runtime_error("cannot listen on " + config.listen.host + ":" +
                                 std::to_string(config.listen.port));
    }
    http.widen_backlog(1024);
    std::string host = config.listen.host.find(':') == std::string::npos
                           ? config.listen.host
                           : "[" + config.listen.host + "]";
    // Tests read the port from this line when they ask for port 0.
    std::cerr << "gazette-search: serving " << documents << " documents on http://" << host << ":"
              << port << "/ with " << config.threads << " threads" << std::endl;
    if (!http.listen_after_bind())
        throw std::runtime_error("the server stopped with an error");
    std::cerr << "gazette-search: stopped\n";
    return 0;
}

}  // namespace gazette::server
