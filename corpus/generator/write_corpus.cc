#include "corpus/generator/write_corpus.h"

#include <nlohmann/json.hpp>

#include "common/article_json.h"
#include "corpus/generator/article_generator.h"

namespace gazette::generator {

CorpusStats write_corpus(const GeneratorOptions& options, std::uint64_t count, LineSink& articles,
                         LineSink* truth) {
    ArticleGenerator generator(options);
    CorpusStats stats;
    for (std::uint64_t i = 0; i < count; ++i) {
        const GeneratedArticle g = generator.next();
        const std::string line = article_to_json(g.article);
        articles.write_line(line);
        ++stats.articles;
        stats.bytes += line.size() + 1;
        if (!g.original_id.empty()) {
            ++stats.copies;
            if (truth) {
                nlohmann::ordered_json record;
                record["id"] = g.article.id;
                record["original"] = g.original_id;
                truth->write_line(record.dump());
            }
        }
    }
    return stats;
}

}  // namespace gazette::generator
