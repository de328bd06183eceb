// Whether the bytes a connection has sent so far are enough to hand it to a worker thread.
// A worker then reads the request without waiting on the client, so a client that sends its
// request a byte at a time (slowloris) never holds a thread: its connection waits in the
// WaitingRoom, which needs no thread per connection, until this says it is ready.
#pragma once

#include <cstddef>
#include <string_view>

namespace gazette::server {

// Ready when `received` holds a whole request head (request line and headers, ended by an
// empty line) and, when it announces a body of at most `max_body_bytes`, that body; or when
// httplib can already answer it without more bytes: a request line not ended by CRLF (400),
// a body over the limit (413), chunked (refused before the body is read), or `received`
// at `max_head_bytes` (too large to be a request of this API: 414 or 400).
bool request_ready(std::string_view received, std::size_t max_body_bytes,
                   std::size_t max_head_bytes);

}  // namespace gazette::server
