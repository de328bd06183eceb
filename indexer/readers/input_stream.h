// Byte streams over plain, gzip, Zstandard and xz files (and standard input), and a line reader
// on top. Damage in a compressed stream surfaces as InputError from read().
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

namespace gazette {

enum class Compression { kNone, kGzip, kZstd, kXz };

// From the last extension: ".gz" → kGzip, ".zst" → kZstd, ".xz" → kXz, otherwise kNone.
Compression compression_of(const std::filesystem::path& path);

class ByteSource {
  public:
    virtual ~ByteSource() = default;
    // Reads up to `size` bytes; returns 0 at the end. Throws InputError when the stream is
    // corrupt or ends before its compressed frame does.
    virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

// Opens `path` ("-" = standard input, never decompressed). Throws InputError if it cannot
// be opened.
std::unique_ptr<ByteSource> open_input(const std::filesystem::path& path, Compression compression);

// Reads a whole source into memory.
std::string read_all(ByteSource& source);

// Splits a source into lines (without their '\n' or "\r\n"), counting them from 1.
class LineReader {
  public:
    explicit LineReader(ByteSource& source) : source_(source) {}
    // False at the end. Throws InputError (from the source) on damage.
    bool next(std::string& line);
    std::size_t line_number() const { return line_number_; }

  private:
    ByteSource& source_;
    std::string buffer_;
    std::size_t start_ = 0;
    bool eof_ = false;
    std::size_t line_number_ = 0;
};

}  // namespace gazette
