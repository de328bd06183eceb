#include "corpus/generator/line_sink.h"

#include <zlib.h>

#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace gazette::generator {
namespace {

constexpr std::size_t kBufferBytes = 1 << 20;

std::string describe(const std::string& path) {
    return path == "-" ? "standard output" : path;
}

class PlainSink : public LineSink {
  public:
    explicit PlainSink(const std::string& path) : path_(path) {
        file_ = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
        if (!file_)
            throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
        std::setvbuf(file_, nullptr, _IOFBF, kBufferBytes);
    }
    ~PlainSink() override {
        try {
            close();
        } catch (...) {  // already closing; close() is the place to hear about errors
        }
    }
    void write_line(std::string_view line) override {
        if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() ||
            std::fputc('\n', file_) == EOF)
            fail();
    }
    void close() override {
        if (!file_)
            return;
        FILE* f = file_;
        file_ = nullptr;
        const bool ok = std::fflush(f) == 0 && !std::ferror(f);
        const bool closed = f == stdout ? true : std::fclose(f) == 0;
        if (!ok || !closed)
            throw std::runtime_error("cannot write " + describe(path_) + ": " +
                                     std::strerror(errno));
    }

  private:
    [[noreturn]] void fail() {
        throw std::runtime_error("cannot write " + describe(path_) + ": " + std::strerror(errno));
    }
    std::string path_;
    FILE* file_ = nullptr;
};

class GzipSink : public LineSink {
  public:
    explicit GzipSink(const std::string& path) : path_(path) {
        // gzdopen takes ownership of the descriptor, so standard output gets a duplicate.
        file_ = path == "-" ? gzdopen(dup(fileno(stdout)), "wb1") : gzopen(path.c_str(), "wb1");
        if (!file_)
            throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
        gzbuffer(file_, kBufferBytes);
    }
    ~GzipSink() override {
        try {
            close();
        } catch (...) {  // already closing; close() is the place to hear about errors
        }
    }
    void write_line(std::string_view line) override {
        if ((!line.empty() &&
             gzwrite(file_, line.data(), static_cast<unsigned>(line.size())) == 0) ||
            gzputc(file_, '\n') == -1)
            fail();
    }
    void close() override {
        if (!file_)
            return;
        gzFile f = file_;
        file_ = nullptr;
        if (gzclose(f) != Z_OK)
            throw std::runtime_error("cannot write " + describe(path_));
    }

  private:
    [[noreturn]] void fail() {
        int code = 0;
        const char* message = gzerror(file_, &code);
        throw std::runtime_error("cannot write " + describe(path_) + ": " +
                                 (code == Z_ERRNO ? std::strerror(errno) : message));
    }
    std::string path_;
    gzFile file_ = nullptr;
};

}  // namespace

std::unique_ptr<LineSink> open_line_sink(const std::string& path, bool gzip) {
    if (gzip)
        return std::make_unique<GzipSink>(path);
    return std::make_unique<PlainSink>(path);
}

}  // namespace gazette::generator
