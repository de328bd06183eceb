// Where JSON Lines go: a file or standard output, plain or gzip-compressed.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace gazette::generator {

class LineSink {
  public:
    virtual ~LineSink() = default;
    // Writes `line` and a '\n'. Throws std::runtime_error on a write failure.
    virtual void write_line(std::string_view line) = 0;
    // Flushes and closes, reporting errors a destructor could not. Idempotent.
    virtual void close() = 0;
};

// `path` "-" is standard output. With `gzip`, output is gzip-compressed (level 1: fast, since
// generation speed matters more than a few percent of size); the
// uncompressed stream is what is byte-identical across runs and platforms.
std::unique_ptr<LineSink> open_line_sink(const std::string& path, bool gzip);

}  // namespace gazette::generator
