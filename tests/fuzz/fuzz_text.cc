// libFuzzer target: plain text and Markdown files (indexer/readers/text_reader.h).
#include "indexer/readers/text_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static gazette::fuzz::BuildingSink sink;  // one builder per process: it holds ICU state
    gazette::TextFileContext context{"world/fuzz.txt", "world", "Fuzz", "fuzz.txt"};
    gazette::read_text_document(std::string(reinterpret_cast<const char*>(data), size), context,
                                sink);
    return 0;
}
