#include "indexer/readers/input_stream.h"

#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "common/errors.h"
#include "common/text/ascii.h"

namespace gazette {
namespace {

class PlainSource : public ByteSource {
  public:
    explicit PlainSource(const std::filesystem::path& path) {
        if (path == "-") {
            file_ = stdin;
            owned_ = false;
        } else {
            file_ = std::fopen(path.c_str(), "rb");
            if (!file_)
                throw InputError(std::strerror(errno));
        }
    }
    ~PlainSource() override {
        if (owned_)
            std::fclose(file_);
    }
    std::size_t read(char* buffer, std::size_t size) override {
        std::size_t n = std::fread(buffer, 1, size, file_);
        if (n == 0 && std::ferror(file_))
            throw InputError(std::strerror(errno));
        return n;
    }

  private:
    std::FILE* file_ = nullptr;
    bool owned_ = true;
};

// zlib's gz* functions read concatenated gzip members, which is what `cat a.gz b.gz` and
// most archive tools produce.
class GzipSource : public ByteSource {
  public:
    explicit GzipSource(const std::filesystem::path& path) {
        file_ = gzopen(path.c_str(), "rb");
        if (!file_)
            throw InputError(errno ? std::strerror(errno) : "cannot open gzip file");
        gzbuffer(file_, 256 * 1024);
    }
    ~GzipSource() override { gzclose(file_); }
    std::size_t read(char* buffer, std::size_t size) override {
        int n = gzread(file_, buffer, static_cast<unsigned>(size));
        int err = Z_OK;
        const char* message = gzerror(file_, &err);
        // Hand out what was decoded before the damage; the error comes with the next call.
        if (n > 0)
            return static_cast<std::size_t>(n);
        if (n < 0 || (err != Z_OK && err != Z_STREAM_END)) {
            // Z_BUF_ERROR here means the file ended inside a gzip member.
            throw InputError(err == Z_BUF_ERROR ? "truncated gzip data"
                                                : std::string("corrupt gzip data: ") + message);
        }
        return static_cast<std::size_t>(n);
    }

  private:
    gzFile file_ = nullptr;
};

class ZstdSource : public ByteSource {
  public:
    explicit ZstdSource(const std::filesystem::path& path)
        : file_(std::fopen(path.c_str(), "rb")), in_buffer_(ZSTD_DStreamInSize()) {
        if (!file_)
            throw InputError(std::strerror(errno));
        stream_ = ZSTD_createDStream();
        ZSTD_initDStream(stream_);
    }
    ~ZstdSource() override {
        ZSTD_freeDStream(stream_);
        std::fclose(file_);
    }
    std::size_t read(char* buffer, std::size_t size) override {
        ZSTD_outBuffer out{buffer, size, 0};
        while (out.pos == 0) {
            if (in_.pos == in_.size) {
                std::size_t n = std::fread(in_buffer_.data(), 1, in_buffer_.size(), file_);
                if (n == 0) {
                    if (std::ferror(file_))
                        throw InputError(std::strerror(errno));
                    if (frame_open_)
                        throw InputError("truncated zstd data");
                    return 0;
                }
                in_ = ZSTD_inBuffer{in_buffer_.data(), n, 0};
            }
            std::size_t ret = ZSTD_decompressStream(stream_, &out, &in_);
            if (ZSTD_isError(ret)) {
                throw InputError(std::string("corrupt zstd data: ") + ZSTD_getErrorName(ret));
            }
            frame_open_ = ret != 0;
        }
        return out.pos;
    }

  private:
    std::FILE* file_;
    ZSTD_DStream* stream_ = nullptr;
    std::vector<char> in_buffer_;
    ZSTD_inBuffer in_{nullptr, 0, 0};
    bool frame_open_ = false;
};

// xz (.xz) through liblzma; LZMA_CONCATENATED reads `cat a.xz b.xz` like one file, as xz(1)
// does.
class XzSource : public ByteSource {
  public:
    explicit XzSource(const std::filesystem::path& path)
        : file_(std::fopen(path.c_str(), "rb")), in_buffer_(256 * 1024) {
        if (!file_)
            throw InputError(std::strerror(errno));
        if (lzma_stream_decoder(&stream_, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) {
            std::fclose(file_);
            throw InputError("cannot start the xz decoder");
        }
    }
    ~XzSource() override {
        lzma_end(&stream_);
        std::fclose(file_);
    }
    std::size_t read(char* buffer, std::size_t size) override {
        if (finished_)
            return 0;
        stream_.next_out = reinterpret_cast<std::uint8_t*>(buffer);
        stream_.avail_out = size;
        while (stream_.avail_out == size) {
            if (stream_.avail_in == 0 && !eof_) {
                std::size_t n = std::fread(in_buffer_.data(), 1, in_buffer_.size(), file_);
                if (n == 0 && std::ferror(file_))
                    throw InputError(std::strerror(errno));
                eof_ = n == 0;
                stream_.next_in = in_buffer_.data();
                stream_.avail_in = n;
            }
            // At the end of the file LZMA_FINISH makes the decoder say whether the last
            // stream was complete.
            lzma_ret ret = lzma_code(&stream_, eof_ ? LZMA_FINISH : LZMA_RUN);
            if (ret == LZMA_STREAM_END) {
                finished_ = true;
                break;
            }
            if (ret == LZMA_BUF_ERROR && eof_)
                throw InputError("truncated xz data");
            if (ret != LZMA_OK && ret != LZMA_BUF_ERROR)
                throw InputError(std::string("corrupt xz data: ") + message(ret));
        }
        return size - stream_.avail_out;
    }

  private:
    static const char* message(lzma_ret ret) {
        switch (ret) {
            case LZMA_FORMAT_ERROR:
                return "not xz format";
            case LZMA_DATA_ERROR:
                return "data error";
            case LZMA_OPTIONS_ERROR:
                return "unsupported options";
            case LZMA_MEM_ERROR:
                return "out of memory";
            default:
                return "decoder error";
        }
    }

    std::FILE* file_;
    std::vector<std::uint8_t> in_buffer_;
    lzma_stream stream_ = LZMA_STREAM_INIT;
    bool eof_ = false;
    bool finished_ = false;
};

}  // namespace

Compression compression_of(const std::filesystem::path& path) {
    std::string ext = ascii_lower(path.extension().string());
    if (ext == ".gz")
        return Compression::kGzip;
    if (ext == ".zst")
        return Compression::kZstd;
    if (ext == ".xz")
        return Compression::kXz;
    return Compression::kNone;
}

std::unique_ptr<ByteSource> open_input(const std::filesystem::path& path, Compression compression) {
    switch (compression) {
        case Compression::kGzip:
            return std::make_unique<GzipSource>(path);
        case Compression::kZstd:
            return std::make_unique<ZstdSource>(path);
        case Compression::kXz:
            return std::make_unique<XzSource>(path);
        case Compression::kNone:
            break;
    }
    return std::make_unique<PlainSource>(path);
}

std::string read_all(ByteSource& source) {
    std::string out;
    char buffer[64 * 1024];
    while (std::size_t n = source.read(buffer, sizeof buffer))
        out.append(buffer, n);
    return out;
}

bool LineReader::next(std::string& line) {
    for (;;) {
        auto nl = buffer_.find('\n', start_);
        if (nl != std::string::npos) {
            std::size_t end = nl;
            if (end > start_ && buffer_[end - 1] == '\r')
                --end;
            line.assign(buffer_, start_, end - start_);
            start_ = nl + 1;
            ++line_number_;
            return true;
        }
        if (eof_) {
            if (start_ >= buffer_.size())
                return false;
            line.assign(buffer_, start_, std::string::npos);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            start_ = buffer_.size();
            ++line_number_;
            return true;
        }
        buffer_.erase(0, start_);
        start_ = 0;
        char chunk[64 * 1024];
        std::size_t n = source_.read(chunk, sizeof chunk);
        if (n == 0) {
            eof_ = true;
        } else {
            buffer_.append(chunk, n);
        }
    }
}

}  // namespace gazette
