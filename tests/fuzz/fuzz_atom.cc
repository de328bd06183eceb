// libFuzzer target: Atom feeds (indexer/readers/atom_reader.h), through the file path the registry
// uses (the XML readers open a damaged file a second time to read it record by record).
#include "common/errors.h"
#include "indexer/readers/atom_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static gazette::fuzz::BuildingSink sink;  // one builder per process: it holds ICU state
    gazette::fuzz::MemoryFile file(data, size);
    auto open = [&file] { return gazette::open_input(file.path(), gazette::Compression::kNone); };
    try {
        gazette::read_atom(open, gazette::FeedContext{"Fuzz", "fuzz.atom"}, sink);
    } catch (const gazette::InputError&) {
        // A file that cannot be read at all is one reject for the caller: allowed.
    }
    return 0;
}
