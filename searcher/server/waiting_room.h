// Connections waiting for their next request, held without a thread each. One thread polls
// them all: it reads what arrives into each connection's buffer, hands a connection whose
// request is complete (request_readiness) back to the worker threads, closes one that the client
// closed, and closes one past its deadline (answering 408 when part of a request had come) or
// whose head outgrew the limit (414 or 400).
// So a slow client costs a socket and a buffer, not a worker, and any number of them cannot
// keep a normal client waiting. Nor can one client fill the room: it holds at most
// Options::per_client connections (by remote address), so others still find a place.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "searcher/server/connection.h"

namespace gazette::server {

class WaitingRoom {
  public:
    using Dispatch = std::function<void(std::unique_ptr<Connection>)>;
    // Told of each answer the room writes itself (408, 414, 400) just before it is sent.
    using Refused = std::function<void(const Connection&, const std::string& answer)>;

    struct Options {
        std::size_t capacity = 1000;   // connections held at once
        std::size_t per_client = 250;  // of those, from one remote address
        std::size_t max_body_bytes = 8192;
        std::size_t max_head_bytes = 16384;
        std::chrono::milliseconds request_timeout{10'000};
        // The most a connection buffers unparsed: room for the largest head and body, so a
        // full buffer always holds a whole request or a head over the limit. (Were it to
        // stop short of both, poll would report the unread bytes for ever: a busy loop.)
        std::size_t buffer_bytes() const { return max_head_bytes + max_body_bytes; }
    };

    WaitingRoom(Options options, Dispatch dispatch, Refused refused = nullptr);
    ~WaitingRoom();  // stop()
    WaitingRoom(const WaitingRoom&) = delete;
    WaitingRoom& operator=(const WaitingRoom&) = delete;

    enum class Refusal {
        kNone,
        kFull,        // `capacity` connections wait already (or the room is stopping)
        kClientFull,  // `per_client` of them come from this connection's remote address
    };
    // Takes the connection unless the room is full, or holds its client's share, or is
    // stopped; then it is given back, and `why` (if given) says which.
    std::unique_ptr<Connection> admit(std::unique_ptr<Connection> connection,
                                      Refusal* why = nullptr);
    // Closes every waiting connection and joins the thread; admit refuses from now on.
    void stop();

    const Options& options() const { return options_; }

  private:
    struct Held {
        std::unique_ptr<Connection> connection;
        std::string client;  // remote address, without the port
    };
    void run();
    void release(const std::vector<std::string>& clients);
    void wake();
    // Reads what arrived on `connection`; true when it leaves the room: dispatched (then
    // `connection` is empty) or to be closed (answered first when the room answers it).
    bool service(std::unique_ptr<Connection>& connection, short revents);
    void refuse(Connection& connection, const std::string& answer) const;

    Options options_;
    Dispatch dispatch_;
    Refused refused_;
    int wake_fd_ = -1;  // eventfd: admit() and stop() interrupt the poll
    std::mutex mutex_;
    std::vector<Held> incoming_;                                   // admitted, not yet polled
    std::size_t held_ = 0;                                         // incoming_ + those being polled
    std::unordered_map<std::string, std::size_t> held_by_client_;  // the same, by address
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace gazette::server
