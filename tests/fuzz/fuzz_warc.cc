// libFuzzer target: WARC crawls (indexer/readers/warc_reader.h), plain and .warc.gz (the
// first byte picks which: gzip members are checked one by one before their records are read).
#include "common/errors.h"
#include "indexer/readers/warc_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static gazette::fuzz::BuildingSink sink;  // one builder per process: it holds ICU state
    if (size == 0)
        return 0;
    auto compression = data[0] & 1 ? gazette::Compression::kGzip : gazette::Compression::kNone;
    gazette::fuzz::MemoryFile file(data + 1, size - 1);
    try {
        gazette::read_warc(file.path(), compression, "fuzz.warc", "Fuzz", sink);
    } catch (const gazette::InputError&) {
        // A file that cannot be read at all is one reject for the caller: allowed.
    }
    return 0;
}
