#include "searcher/server/waiting_room.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "searcher/server/request_readiness.h"

namespace gazette::server {

WaitingRoom::WaitingRoom(Options options, Dispatch dispatch, Refused refused)
    : options_(options), dispatch_(std::move(dispatch)), refused_(std::move(refused)) {
    wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (wake_fd_ < 0)
        throw std::runtime_error("cannot create an eventfd for the waiting room");
    thread_ = std::thread([this] { run(); });
}

WaitingRoom::~WaitingRoom() {
    stop();
    ::close(wake_fd_);
}

std::unique_ptr<Connection> WaitingRoom::admit(std::unique_ptr<Connection> connection,
                                               Refusal* why) {
    std::string client;
    int port = 0;
    connection->get_remote_ip_and_port(client, port);
    Refusal refusal = Refusal::kNone;
    {
        std::lock_guard lock(mutex_);
        if (stopping_ || held_ >= options_.capacity) {
            refusal = Refusal::kFull;
        } else if (std::size_t& mine = held_by_client_[client]; mine >= options_.per_client) {
            refusal = Refusal::kClientFull;
        } else {
            ++mine;
            ++held_;
            incoming_.push_back(Held{std::move(connection), std::move(client)});
        }
    }
    if (why)
        *why = refusal;
    if (refusal != Refusal::kNone)
        return connection;
    wake();
    return nullptr;
}

void WaitingRoom::release(const std::vector<std::string>& clients) {
    std::lock_guard lock(mutex_);
    held_ -= clients.size();
    for (const auto& client : clients) {
        auto it = held_by_client_.find(client);
        if (it != held_by_client_.end() && --it->second == 0)
            held_by_client_.erase(it);
    }
}

void WaitingRoom::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake();
    if (thread_.joinable())
        thread_.join();
}

void WaitingRoom::wake() {
    std::uint64_t one = 1;
    (void)::write(wake_fd_, &one, sizeof one);
}

bool WaitingRoom::service(std::unique_ptr<Connection>& connection, short revents) {
    // Only a connection with news is parsed again: a pass must not cost more than what
    // arrived, however many connections wait.
    if (revents != 0) {
        auto received = connection->receive_available(options_.buffer_bytes());
        switch (request_readiness(connection->unparsed(), options_.max_body_bytes,
                                  options_.max_head_bytes)) {
            case Readiness::kReady:
                dispatch_(std::move(connection));
                return true;
            case Readiness::kTooLarge:
                refuse(*connection,
                       too_large_answer(connection->unparsed(), options_.max_head_bytes));
                return true;
            case Readiness::kIncomplete:
                break;
        }
        if (received == Connection::Received::kPeerClosed)
            return true;
    }
    if (Connection::Clock::now() >= connection->deadline()) {
        // Only a request cut short gets an answer; an idle keep-alive connection is just
        // closed, as httplib does.
        if (connection->request_started())
            refuse(*connection, request_timeout_answer(options_.request_timeout));
        return true;
    }
    return false;
}

void WaitingRoom::refuse(Connection& connection, const std::string& answer) const {
    if (refused_)
        refused_(connection, answer);
    connection.send_now(answer);
}

void WaitingRoom::run() {
    std::vector<Held> waiting;
    std::vector<pollfd> fds;
    std::vector<std::string> left;  // the clients of the connections that left in a pass
    std::vector<std::unique_ptr<Connection>> closing;  // of those, the ones to close
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_)
                break;
            for (auto& c : incoming_)
                waiting.push_back(std::move(c));
            incoming_.clear();
        }
        // poll is level-triggered: bytes that came between the worker's last look and admit()
        // are reported at once.
        auto next = Connection::Clock::now() + std::chrono::seconds(1);
        fds.assign(1, pollfd{wake_fd_, POLLIN, 0});
        for (const auto& h : waiting) {
            fds.push_back(pollfd{h.connection->socket(), POLLIN, 0});
            next = std::min(next, h.connection->deadline());
        }
        auto wait =
            std::chrono::duration_cast<std::chrono::milliseconds>(next - Connection::Clock::now());
        // +1: poll's timeout rounds down, and waking just before a deadline would spin.
        (void)::poll(fds.data(), fds.size(),
                     static_cast<int>(std::max<long long>(0, wait.count()) + 1));
        if (fds[0].revents & POLLIN) {
            std::uint64_t count;
            (void)::read(wake_fd_, &count, sizeof count);
        }
        std::size_t kept = 0;
        left.clear();
        for (std::size_t i = 0; i < waiting.size(); ++i) {
            if (service(waiting[i].connection, fds[i + 1].revents)) {
                left.push_back(std::move(waiting[i].client));
                if (waiting[i].connection)
                    closing.push_back(std::move(waiting[i].connection));
            } else {
                // Never onto itself: a string moved onto itself is left empty (libstdc++),
                // and the client's count would then never come down.
                if (kept != i)
                    waiting[kept] = std::move(waiting[i]);
                ++kept;
            }
        }
        waiting.resize(kept);
        // Their places are given back before their sockets close: a client that opens a new
        // connection as soon as it sees the old one closed (a browser, or a slowloris that
        // keeps its count) must find its place free, not be refused for a connection that
        // has already left.
        if (!left.empty())
            release(left);
        closing.clear();
    }
    waiting.clear();  // closes them
    std::lock_guard lock(mutex_);
    incoming_.clear();
    held_ = 0;
    held_by_client_.clear();
}

}  // namespace gazette::server
