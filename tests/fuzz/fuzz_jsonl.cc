// libFuzzer target: JSON Lines records (indexer/readers/jsonl_reader.h) from memory.
#include <algorithm>
#include <cstring>

#include "indexer/readers/jsonl_reader.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

class MemorySource : public gazette::ByteSource {
  public:
    MemorySource(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    // Short reads of varying length, so the line reader's buffer boundaries are fuzzed too.
    std::size_t read(char* buffer, std::size_t size) override {
        std::size_t n = std::min({size, size_ - pos_, std::size_t{1} + pos_ % 97});
        std::memcpy(buffer, data_ + pos_, n);
        pos_ += n;
        return n;
    }

  private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static gazette::fuzz::BuildingSink sink;  // one builder per process: it holds ICU state
    MemorySource source(data, size);
    gazette::read_jsonl(source, "fuzz.jsonl", sink);
    return 0;
}
