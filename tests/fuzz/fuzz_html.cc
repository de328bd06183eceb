// libFuzzer target: HTML article pages (indexer/readers/html_reader.h): metadata, JSON-LD,
// dates, main text, language guess.
#include "indexer/readers/html_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static gazette::fuzz::BuildingSink sink;  // one builder per process: it holds ICU state
    gazette::HtmlContext context;
    context.id = "fuzz.html";
    context.url = "https://example.org/news/fuzz.html";
    context.fallback_date = "2024-05-01T12:00:00Z";
    context.display_name = "fuzz.html";
    gazette::read_html_document(std::string(reinterpret_cast<const char*>(data), size), context,
                                sink);
    return 0;
}
