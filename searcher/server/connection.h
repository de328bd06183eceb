// One client connection: its socket, the bytes received but not yet parsed, and its clocks.
// It is the httplib::Stream that Server::process_request reads the request from and writes
// the answer to (httplib's own SocketStream is not part of the packaged library's API).
//
// Time limits, the reason this class exists:
// - a request must arrive whole within `request_timeout` of the moment the connection
//   started waiting for it (accepted, or done with its previous answer), and no more than
//   `idle_timeout` may pass without a byte; cpp-httplib only has the second (per read), so a
//   client sending a byte every few seconds held a thread for ever;
// - an answer must be taken by the client within `request_timeout` of its first byte, and
//   no more than `idle_timeout` without progress.
// The time a search takes is neither: it is bounded by the search time budget.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::server {

struct ConnectionTimeouts {
    std::chrono::milliseconds request{10'000};
    std::chrono::milliseconds idle{5'000};
};

class Connection : public httplib::Stream {
  public:
    using Clock = std::chrono::steady_clock;

    // Takes ownership of `sock`; `since` is when it was accepted.
    Connection(int sock, ConnectionTimeouts timeouts, Clock::time_point since);
    ~Connection() override;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    enum class Received { kOpen, kPeerClosed };
    // Reads what has arrived without blocking, keeping at most `cap` bytes unparsed.
    // kPeerClosed: the client closed (or reset) its side; nothing more will come.
    Received receive_available(std::size_t cap);
    std::string_view unparsed() const { return std::string_view(buffer_).substr(consumed_); }

    // When the request being waited for must have arrived whole (or a byte must have come).
    Clock::time_point deadline() const;
    // When the request being waited for started to be waited for.
    Clock::time_point waiting_since() const { return waiting_since_; }
    // Whether some bytes of the request being waited for have arrived.
    bool request_started() const { return started_; }

    // The answer is written: the next request's clocks start now.
    void next_request();
    std::size_t requests_served() const { return served_; }
    // A read or write failed or ran into its deadline: the connection must be closed (httplib
    // may still have answered 400 for a request cut short, and would read on).
    bool failed() const { return failed_; }

    // Best effort, without blocking: for a connection closed without a worker.
    void send_now(const std::string& bytes);

    // httplib::Stream
    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, std::size_t size) override;
    ssize_t write(const char* ptr, std::size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    int socket() const override { return sock_; }

  private:
    // Waits for `events` until the earlier of the idle timeout and `deadline`.
    bool wait_for(short events, Clock::time_point deadline) const;
    Clock::time_point answer_deadline();

    int sock_;
    ConnectionTimeouts timeouts_;
    std::string buffer_;
    std::size_t consumed_ = 0;  // bytes of buffer_ already handed to httplib
    Clock::time_point waiting_since_;
    Clock::time_point last_byte_;
    bool started_ = false;
    std::optional<Clock::time_point> answer_deadline_;
    std::size_t served_ = 0;
    mutable bool failed_ = false;
};

// The fixed answer to a request that did not arrive in time (it has no worker to write it).
std::string request_timeout_answer(std::chrono::milliseconds timeout);

}  // namespace gazette::server
