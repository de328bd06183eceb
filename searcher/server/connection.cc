#include "searcher/server/connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "searcher/server/api_error.h"

namespace gazette::server {
namespace {

constexpr std::size_t kReadChunk = 4096;

void address_of(const sockaddr_storage& addr, std::string& ip, int& port) {
    char text[INET6_ADDRSTRLEN] = "";
    if (addr.ss_family == AF_INET) {
        const auto& in = reinterpret_cast<const sockaddr_in&>(addr);
        inet_ntop(AF_INET, &in.sin_addr, text, sizeof text);
        port = ntohs(in.sin_port);
    } else if (addr.ss_family == AF_INET6) {
        const auto& in6 = reinterpret_cast<const sockaddr_in6&>(addr);
        inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text);
        port = ntohs(in6.sin6_port);
    }
    ip = text;
}

}  // namespace

Connection::Connection(int sock, ConnectionTimeouts timeouts, Clock::time_point since)
    : sock_(sock), timeouts_(timeouts), waiting_since_(since), last_byte_(since) {}

Connection::~Connection() {
    // As httplib does: shut down first, so that the client sees the end of the answer even
    // if another thread still holds a duplicate of the descriptor.
    ::shutdown(sock_, SHUT_RDWR);
    ::close(sock_);
}

Connection::Received Connection::receive_available(std::size_t cap) {
    char chunk[kReadChunk];
    while (unparsed().size() < cap) {
        std::size_t want = std::min(kReadChunk, cap - unparsed().size());
        ssize_t n = ::recv(sock_, chunk, want, MSG_DONTWAIT);
        if (n > 0) {
            buffer_.append(chunk, static_cast<std::size_t>(n));
            started_ = true;
            last_byte_ = Clock::now();
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return Received::kOpen;
        if (n < 0 && errno == EINTR)
            continue;
        return Received::kPeerClosed;
    }
    return Received::kOpen;
}

Connection::Clock::time_point Connection::deadline() const {
    return std::min(waiting_since_ + timeouts_.request, last_byte_ + timeouts_.idle);
}

void Connection::next_request() {
    ++served_;
    buffer_.erase(0, consumed_);
    consumed_ = 0;
    waiting_since_ = last_byte_ = Clock::now();
    started_ = !buffer_.empty();  // a pipelined request already on its way
    answer_deadline_.reset();
}

void Connection::send_now(const std::string& bytes) {
    (void)::send(sock_, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

bool Connection::wait_for(short events, Clock::time_point deadline) const {
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        left = std::min(left, timeouts_.idle);
        if (left.count() <= 0)
            break;
        pollfd p{sock_, events, 0};
        int ready = ::poll(&p, 1, static_cast<int>(left.count()));
        if (ready > 0)
            return true;
        if (ready < 0 && errno != EINTR)
            return false;
        if (ready == 0 && left == timeouts_.idle)
            break;  // no progress for the whole idle timeout
    }
    failed_ = true;
    return false;
}

Connection::Clock::time_point Connection::answer_deadline() {
    if (!answer_deadline_)
        answer_deadline_ = Clock::now() + timeouts_.request;
    return *answer_deadline_;
}

bool Connection::is_readable() const {
    return !unparsed().empty() || wait_for(POLLIN, deadline());
}

bool Connection::is_writable() const {
    pollfd p{sock_, POLLOUT, 0};
    return ::poll(&p, 1, 0) > 0 && !(p.revents & (POLLERR | POLLHUP));
}

ssize_t Connection::read(char* ptr, std::size_t size) {
    if (unparsed().empty()) {
        buffer_.erase(0, consumed_);
        consumed_ = 0;
        if (!wait_for(POLLIN, deadline()) ||
            receive_available(kReadChunk) == Received::kPeerClosed || buffer_.empty()) {
            if (buffer_.empty()) {
                failed_ = true;  // out of time, closed by the client, or an error
                return -1;
            }
        }
    }
    std::size_t n = std::min(size, unparsed().size());
    std::memcpy(ptr, buffer_.data() + consumed_, n);
    consumed_ += n;
    return static_cast<ssize_t>(n);
}

ssize_t Connection::write(const char* ptr, std::size_t size) {
    if (!wait_for(POLLOUT, answer_deadline()))
        return -1;
    ssize_t n = ::send(sock_, ptr, size, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return 0;  // httplib's write loop calls again, and we wait again
    if (n < 0)
        failed_ = true;
    return n;
}

void Connection::get_remote_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        address_of(addr, ip, port);
}

void Connection::get_local_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        address_of(addr, ip, port);
}

std::string request_timeout_answer(std::chrono::milliseconds timeout) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", timeout.count() / 1000.0);
    std::string body =
        error_body(std::string("the request did not arrive whole within ") + seconds + " s");
    return "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\n"
           "Content-Length: " +
           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

}  // namespace gazette::server
