// Whether the bytes a connection has sent so far are enough to hand it to a worker thread.
// A worker then reads the request without waiting on the client, so a client that sends its
// request a byte at a time (slowloris) never holds a thread: its connection waits in the
// WaitingRoom, which needs no thread per connection, until this says it is ready.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::server {

enum class Readiness {
    kIncomplete,  // wait for more bytes
    kReady,       // httplib can read and answer it without waiting on the client
    kTooLarge,    // no request of this API is that large: refuse it without a worker
};

// kReady when `received` holds a whole request head (request line and headers, ended by an
// empty line) and, when it announces a body of at most `max_body_bytes`, that body; or when
// httplib answers it from what is there: a request line not ended by CRLF (400), a body over
// the limit (413), a chunked body (refused before it is read). kTooLarge when
// `max_head_bytes` have come without the end of the head: were it handed to a worker, the
// client could hold that worker by sending the rest slowly.
Readiness request_readiness(std::string_view received, std::size_t max_body_bytes,
                            std::size_t max_head_bytes);

// The answer to a kTooLarge request: 414 while the request line has not ended, else 400.
std::string too_large_answer(std::string_view received, std::size_t max_head_bytes);

}  // namespace gazette::server
