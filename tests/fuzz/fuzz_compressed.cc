// libFuzzer target: compressed streams (indexer/readers/input_stream.h). The first byte picks
// gzip, Zstandard or xz; the rest is the file, read line by line as JSON Lines are. Damage
// must surface as InputError, never as a crash, a hang or unbounded memory.
#include "common/errors.h"
#include "indexer/readers/input_stream.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    constexpr gazette::Compression kinds[] = {
        gazette::Compression::kGzip, gazette::Compression::kZstd, gazette::Compression::kXz};
    gazette::fuzz::MemoryFile file(data + 1, size - 1);
    try {
        auto source = gazette::open_input(file.path(), kinds[data[0] % 3]);
        gazette::LineReader lines(*source);
        std::string line;
        while (lines.next(line)) {
        }
    } catch (const gazette::InputError&) {
        // Damage, named in the message: what the readers turn into a reject.
    }
    return 0;
}
