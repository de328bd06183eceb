// The service's defence against slow clients, without a server: when a request counts as
// arrived (request_readiness), the deadlines of a Connection, and the WaitingRoom handing over
// complete requests and closing late ones. Sockets are socketpairs; timeouts are short.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "searcher/server/connection.h"
#include "searcher/server/refusal_log.h"
#include "searcher/server/request_readiness.h"
#include "searcher/server/waiting_room.h"

namespace gazette::server {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

bool ready(const std::string& bytes) {
    return request_readiness(bytes, 8192, 16384) == Readiness::kReady;
}

bool too_large(const std::string& bytes) {
    return request_readiness(bytes, 8192, 16384) == Readiness::kTooLarge;
}

TEST(RequestReady, WholeHeadIsReady) {
    EXPECT_FALSE(ready(""));
    EXPECT_FALSE(ready("GET /api/search?q="));
    EXPECT_FALSE(ready("GET /api/search?q=cocoa HTTP/1.1\r\n"));
    EXPECT_FALSE(ready("GET / HTTP/1.1\r\nHost: x\r\n"));
    EXPECT_TRUE(ready("GET / HTTP/1.1\r\n\r\n"));
    EXPECT_TRUE(ready("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    EXPECT_TRUE(ready("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\n"));  // pipelined
}

TEST(RequestReady, SmallBodyMustHaveArrived) {
    EXPECT_FALSE(ready("GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhel"));
    EXPECT_TRUE(ready("GET / HTTP/1.1\r\ncontent-length:5\r\n\r\nhello"));
    EXPECT_TRUE(ready("GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n"));
}

TEST(RequestReady, WhatHttplibAnswersAtOnceIsReady) {
    EXPECT_TRUE(ready("GET /healthz\n"));  // no CR: 400 without reading headers
    EXPECT_TRUE(ready("\n\n\n"));
    EXPECT_TRUE(ready("POST / HTTP/1.1\r\nContent-Length: 100000000\r\n\r\n"));  // 413
    EXPECT_TRUE(ready("GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n"));          // 400
    EXPECT_TRUE(ready("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"));  // refused
}

TEST(RequestReady, HeadOverTheLimitIsRefusedNotHandedToAWorker) {
    const std::string line = "GET / HTTP/1.1\r\n";
    EXPECT_FALSE(too_large(line + std::string(16000, 'a')));
    EXPECT_TRUE(too_large("GET /?q=" + std::string(16384, 'a')));
    EXPECT_TRUE(too_large(line + "X-A: " + std::string(16384, 'a')));
    EXPECT_TRUE(too_large(line + "X-A: " + std::string(16384, 'a') + "\r\n\r\n"));
    // The largest head with the largest body is a request, not too large.
    std::string head = line + "X-A: " + std::string(16384 - line.size() - 5 - 26, 'a') +
                       "\r\nContent-Length: 8192\r\n\r\n";
    ASSERT_EQ(head.size(), 16384u);
    EXPECT_FALSE(too_large(head + std::string(8191, 'b')));
    EXPECT_TRUE(ready(head + std::string(8192, 'b')));
    EXPECT_EQ(too_large_answer("GET /?q=aaaa", 16384).rfind("HTTP/1.1 414 ", 0), 0u);
    EXPECT_EQ(too_large_answer(line + "X-A: aaaa", 16384).rfind("HTTP/1.1 400 ", 0), 0u);
}

struct Pair {
    int server = -1;
    int client = -1;
    Pair() {
        int fds[2];
        EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
        server = fds[0];
        client = fds[1];
    }
    ~Pair() { ::close(client); }  // the Connection closes `server`
    void send(const std::string& s) const {
        ASSERT_EQ(::write(client, s.data(), s.size()), ssize_t(s.size()));
    }
    std::string receive_all() const {
        std::string all;
        char buf[4096];
        for (ssize_t n; (n = ::read(client, buf, sizeof buf)) > 0;)
            all.append(buf, static_cast<std::size_t>(n));
        return all;
    }
};

TEST(Connection, ReadStopsAtTheRequestDeadlineEvenIfBytesKeepComing) {
    Pair pair;
    Connection connection(pair.server, {300ms, 200ms}, Clock::now());
    std::thread trickle([&] {
        for (int i = 0; i < 8; ++i) {
            pair.send("a");
            std::this_thread::sleep_for(100ms);
        }
    });
    auto start = Clock::now();
    char byte;
    ssize_t n = 0;
    while ((n = connection.read(&byte, 1)) > 0) {
    }
    auto took = Clock::now() - start;
    trickle.join();
    EXPECT_LT(n, 0);
    EXPECT_TRUE(connection.failed());
    // A byte every 100 ms never hits the 200 ms idle timeout; the 300 ms deadline stops it.
    EXPECT_GE(took, 250ms);
    EXPECT_LT(took, 700ms);
}

TEST(Connection, NextRequestRestartsTheClock) {
    Pair pair;
    auto long_ago = Clock::now() - 1h;
    Connection connection(pair.server, {300ms, 200ms}, long_ago);
    EXPECT_LE(connection.deadline(), Clock::now());
    connection.next_request();
    EXPECT_GT(connection.deadline(), Clock::now());
    EXPECT_EQ(connection.requests_served(), 1u);
}

// A WaitingRoom whose handed-over connections land here.
struct Handoff {
    std::mutex mutex;
    std::condition_variable arrived;
    std::unique_ptr<Connection> connection;

    WaitingRoom::Dispatch dispatch() {
        return [this](std::unique_ptr<Connection> c) {
            std::lock_guard lock(mutex);
            connection = std::move(c);
            arrived.notify_all();
        };
    }
    bool wait(std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex);
        return arrived.wait_for(lock, timeout, [&] { return connection != nullptr; });
    }
};

WaitingRoom::Options room_options(std::chrono::milliseconds request_timeout) {
    WaitingRoom::Options options;
    options.capacity = 4;
    options.request_timeout = request_timeout;
    return options;
}

TEST(WaitingRoom, SlowButCompleteRequestIsHandedOverWhole) {
    Pair pair;
    Handoff handoff;
    WaitingRoom room(room_options(2000ms), handoff.dispatch());
    EXPECT_EQ(room.admit(std::make_unique<Connection>(
                  pair.server, ConnectionTimeouts{2000ms, 1000ms}, Clock::now())),
              nullptr);
    const std::string request = "GET /api/search?q=cocoa HTTP/1.1\r\nHost: x\r\n\r\n";
    for (std::size_t i = 0; i < request.size(); i += 10) {
        EXPECT_FALSE(handoff.wait(0ms)) << "handed over before the request was whole";
        pair.send(request.substr(i, 10));
        std::this_thread::sleep_for(20ms);
    }
    ASSERT_TRUE(handoff.wait(1000ms));
    EXPECT_EQ(handoff.connection->unparsed(), request);
}

TEST(WaitingRoom, LateRequestIsAnswered408AndClosed) {
    Pair pair;
    Handoff handoff;
    WaitingRoom room(room_options(300ms), handoff.dispatch());
    room.admit(
        std::make_unique<Connection>(pair.server, ConnectionTimeouts{300ms, 1000ms}, Clock::now()));
    auto start = Clock::now();
    pair.send("GET /api/search?q=");
    std::string answer = pair.receive_all();  // until the room closes it
    EXPECT_LT(Clock::now() - start, 1000ms);
    EXPECT_EQ(answer.rfind("HTTP/1.1 408 ", 0), 0u) << answer;
    EXPECT_FALSE(handoff.wait(0ms));
}

TEST(WaitingRoom, ItsOwnAnswersAreReportedForMetricsAndTheLog) {
    Pair pair;
    Handoff handoff;
    std::mutex mutex;
    std::vector<std::pair<int, std::string>> reported;  // status, what had arrived
    WaitingRoom room(room_options(300ms), handoff.dispatch(),
                     [&](const Connection& c, const std::string& answer) {
                         std::lock_guard lock(mutex);
                         reported.emplace_back(answer_status(answer), std::string(c.unparsed()));
                     });
    room.admit(
        std::make_unique<Connection>(pair.server, ConnectionTimeouts{300ms, 1000ms}, Clock::now()));
    pair.send("GET /api/search?q=");
    pair.receive_all();
    std::lock_guard lock(mutex);
    ASSERT_EQ(reported.size(), 1u);
    EXPECT_EQ(reported[0].first, 408);
    EXPECT_EQ(request_method_and_path(reported[0].second),
              (std::pair<std::string, std::string>{"GET", "/api/search"}));
}

TEST(RefusalLog, StatusAndRequestLineAreReadFromWhatWasWritten) {
    EXPECT_EQ(answer_status("HTTP/1.1 503 Service Unavailable\r\n"), 503);
    EXPECT_EQ(answer_status("HTTP/1.1 4x8"), 0);
    EXPECT_EQ(answer_status("garbage"), 0);
    using MethodPath = std::pair<std::string, std::string>;
    EXPECT_EQ(request_method_and_path("GET /api/search?q=x HTTP/1.1\r\nHost: a\r\n"),
              (MethodPath{"GET", "/api/search"}));
    EXPECT_EQ(request_method_and_path("GET /assets/app.j"), (MethodPath{"GET", "/assets/app.j"}));
    EXPECT_EQ(request_method_and_path("GE"), (MethodPath{"GE", "-"}));
    EXPECT_EQ(request_method_and_path(""), (MethodPath{"-", "-"}));
}

TEST(WaitingRoom, IdleConnectionIsClosedSilently) {
    Pair pair;
    Handoff handoff;
    WaitingRoom room(room_options(2000ms), handoff.dispatch());
    room.admit(
        std::make_unique<Connection>(pair.server, ConnectionTimeouts{2000ms, 200ms}, Clock::now()));
    auto start = Clock::now();
    EXPECT_EQ(pair.receive_all(), "");
    EXPECT_LT(Clock::now() - start, 1000ms);
}

TEST(WaitingRoom, FullRoomGivesTheConnectionBack) {
    std::vector<std::unique_ptr<Pair>> pairs;
    Handoff handoff;
    WaitingRoom room(room_options(2000ms), handoff.dispatch());
    for (int i = 0; i < 4; ++i) {
        pairs.push_back(std::make_unique<Pair>());
        EXPECT_EQ(room.admit(std::make_unique<Connection>(pairs.back()->server,
                                                          ConnectionTimeouts{}, Clock::now())),
                  nullptr);
    }
    pairs.push_back(std::make_unique<Pair>());
    EXPECT_NE(room.admit(std::make_unique<Connection>(pairs.back()->server, ConnectionTimeouts{},
                                                      Clock::now())),
              nullptr);
    room.stop();
}

// A loopback TCP connection, so that the server side has a remote address (127.0.0.1).
struct TcpPair {
    int server = -1;
    int client = -1;
    TcpPair() {
        int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        EXPECT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
        EXPECT_EQ(::listen(listener, 1), 0);
        EXPECT_EQ(::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len), 0);
        client = ::socket(AF_INET, SOCK_STREAM, 0);
        EXPECT_EQ(::connect(client, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
        server = ::accept(listener, nullptr, nullptr);
        ::close(listener);
    }
    ~TcpPair() { ::close(client); }  // the Connection closes `server`
};

// One client (127.0.0.1) holds at most its share of the room; when one of its connections
// leaves, it may wait with another, also after the room has polled the others many times.
TEST(WaitingRoom, OneClientCannotFillTheRoom) {
    std::vector<std::unique_ptr<TcpPair>> pairs;
    Handoff handoff;
    WaitingRoom::Options options = room_options(5000ms);
    options.per_client = 2;
    WaitingRoom room(options, handoff.dispatch());
    auto admit = [&](WaitingRoom::Refusal& why) {
        pairs.push_back(std::make_unique<TcpPair>());
        return room.admit(std::make_unique<Connection>(pairs.back()->server, ConnectionTimeouts{},
                                                       Clock::now()),
                          &why) == nullptr;
    };
    WaitingRoom::Refusal why = WaitingRoom::Refusal::kFull;
    EXPECT_TRUE(admit(why));
    EXPECT_EQ(why, WaitingRoom::Refusal::kNone);
    EXPECT_TRUE(admit(why));
    EXPECT_FALSE(admit(why));  // the room (capacity 4) has space, the client's share not
    EXPECT_EQ(why, WaitingRoom::Refusal::kClientFull);

    // The room polls its connections for a while (a byte makes it look at them again), then
    // the client closes the second one: its place must come free.
    for (int i = 0; i < 5; ++i) {
        ASSERT_EQ(::write(pairs[0]->client, "G", 1), 1);
        std::this_thread::sleep_for(20ms);
    }
    ::shutdown(pairs[1]->client, SHUT_RDWR);
    bool admitted = false;
    for (auto until = Clock::now() + 2s; !admitted && Clock::now() < until;) {
        admitted = admit(why);
        if (!admitted)
            std::this_thread::sleep_for(10ms);
    }
    EXPECT_TRUE(admitted);
    EXPECT_FALSE(admit(why));  // and the share holds again
    EXPECT_EQ(why, WaitingRoom::Refusal::kClientFull);
    room.stop();
}

// Many connections of one client time out in the same pass (a slowloris that reopens each
// one the server closes): as soon as the client sees one closed, its place is free again.
// (When the places were given back after the pass had closed them all, the client's next
// connection could be refused for connections that had already gone.)
TEST(WaitingRoom, AClosedConnectionsPlaceIsFreeWhenTheClientSeesItClosed) {
    constexpr std::size_t kSlow = 200;
    std::vector<std::unique_ptr<TcpPair>> pairs;
    Handoff handoff;
    WaitingRoom::Options options = room_options(300ms);
    options.capacity = 2 * kSlow;
    options.per_client = kSlow;
    WaitingRoom room(options, handoff.dispatch());
    auto admit = [&](TcpPair& pair) {
        WaitingRoom::Refusal why = WaitingRoom::Refusal::kNone;
        bool taken = room.admit(std::make_unique<Connection>(
                                    pair.server, ConnectionTimeouts{300ms, 1000ms}, Clock::now()),
                                &why) == nullptr;
        return taken && why == WaitingRoom::Refusal::kNone;
    };
    for (std::size_t i = 0; i < kSlow; ++i) {
        pairs.push_back(std::make_unique<TcpPair>());
        ASSERT_TRUE(admit(*pairs.back()));
        ASSERT_EQ(::write(pairs.back()->client, "GET /", 5), 5);
    }
    // The next connection is opened beforehand, so that it is offered the moment the first
    // one is seen closed.
    auto next = std::make_unique<TcpPair>();
    char buf[4096];
    for (ssize_t n; (n = ::read(pairs.front()->client, buf, sizeof buf)) > 0;) {
    }  // the 408, then the close
    EXPECT_TRUE(admit(*next));
    room.stop();
}

}  // namespace
}  // namespace gazette::server
