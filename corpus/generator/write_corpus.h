// The generator's one loop: N articles as JSON Lines, and the duplicate truth beside them.
#pragma once

#include <cstdint>

#include "corpus/generator/generator_options.h"
#include "corpus/generator/line_sink.h"

namespace gazette::generator {

struct CorpusStats {
    std::uint64_t articles = 0;
    std::uint64_t copies = 0;
    std::uint64_t bytes = 0;  // of uncompressed JSON Lines, newlines included
};

// Writes `count` articles to `articles` with gazette::article_to_json (the project's own
// serialiser, so the records follow docs/article-format.md by construction). For every
// republished copy, writes {"id": copy, "original": original} to `truth` when given.
CorpusStats write_corpus(const GeneratorOptions& options, std::uint64_t count, LineSink& articles,
                         LineSink* truth);

}  // namespace gazette::generator
