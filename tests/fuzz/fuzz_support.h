// What every reader fuzz target shares: a sink that turns each accepted article into a
// Xapian document (so the document builder sees hostile text too) and checks the promises
// the readers make, and the input as a file, for the readers that take a path.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "common/text/utf8.h"
#include "indexer/document_builder.h"
#include "indexer/readers/article_sink.h"

namespace gazette::fuzz {

// Readers promise valid UTF-8 and an id on every article they accept; a broken promise is a
// bug the fuzzer must report, so it aborts.
class BuildingSink : public ArticleSink {
  public:
    void accept(Article&& article, const std::string& /*where*/) override {
        if (article.id.empty() || !is_valid_utf8(article.title) || !is_valid_utf8(article.body))
            std::abort();
        builder_.build(article);
    }
    void reject(const std::string&, const std::string&) override {}
    void warn(const std::string&, const std::string&) override {}
    void skip(const std::string&, const std::string&) override {}

  private:
    DocumentBuilder builder_;
};

// The bytes as a file without touching the disk: an anonymous memory file, opened again by
// its /proc path (the readers open paths themselves). Closed when this goes out of scope.
class MemoryFile {
  public:
    MemoryFile(const std::uint8_t* data, std::size_t size) {
        fd_ = memfd_create("fuzz-input", 0);
        if (fd_ < 0)
            throw std::runtime_error("memfd_create failed");
        std::size_t done = 0;
        while (done < size) {
            ssize_t n = ::write(fd_, data + done, size - done);
            if (n <= 0)
                throw std::runtime_error("write failed");
            done += static_cast<std::size_t>(n);
        }
    }
    ~MemoryFile() { ::close(fd_); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

  private:
    int fd_ = -1;
};

}  // namespace gazette::fuzz
