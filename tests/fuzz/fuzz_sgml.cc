// libFuzzer target: Reuters-21578 SGML (indexer/readers/reuters_sgml_reader.h).
#include "indexer/readers/reuters_sgml_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static gazette::fuzz::BuildingSink sink;  // one builder per process: it holds ICU state
    gazette::read_reuters_sgml(std::string(reinterpret_cast<const char*>(data), size), "fuzz.sgm",
                               sink);
    return 0;
}
