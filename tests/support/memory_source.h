// A ByteSource over bytes in memory, and an opener of it, for the stream readers' tests.
#pragma once

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "indexer/readers/input_stream.h"

namespace gazette::testing {

class MemorySource : public ByteSource {
  public:
    explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
    std::size_t read(char* buffer, std::size_t size) override {
        std::size_t n = std::min(size, bytes_.size() - at_);
        std::memcpy(buffer, bytes_.data() + at_, n);
        at_ += n;
        return n;
    }

  private:
    std::string bytes_;
    std::size_t at_ = 0;
};

// What the XML readers take: a function that opens the document again from its start.
inline auto memory_opener(const std::string& bytes) {
    return [bytes] { return std::unique_ptr<ByteSource>(new MemorySource(bytes)); };
}

}  // namespace gazette::testing
