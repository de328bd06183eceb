// The stream of synthetic articles: originals written from a Story, and, at the requested
// share, republished copies of one of the recent originals.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/article.h"
#include "corpus/generator/dates.h"
#include "corpus/generator/generator_options.h"
#include "corpus/generator/random.h"
#include "corpus/generator/republish.h"
#include "corpus/generator/vocabulary.h"
#include "corpus/generator/world.h"

namespace gazette::generator {

struct GeneratedArticle {
    Article article;
    std::string original_id;  // set when the article is a republished copy
};

class ArticleGenerator {
  public:
    // Throws std::invalid_argument on options that cannot be honoured.
    explicit ArticleGenerator(const GeneratorOptions& options);

    // The next article: ids run synth:000000001, synth:000000002, ...
    GeneratedArticle next();

    const Vocabulary& vocabulary() const { return vocabulary_; }

  private:
    Original write_original(std::string id);
    Story plan_story(const Desk& desk, std::int64_t timestamp);

    GeneratorOptions options_;
    Rng rng_;
    Vocabulary vocabulary_;
    World world_;
    DateSampler dates_;
    std::uint64_t count_ = 0;
    // The most recent originals, in a ring: copies are of these. Bounded so memory stays
    // flat at any --count; wire stories are republished soon after they first run anyway.
    std::vector<Original> recent_;
    std::size_t recent_next_ = 0;
};

// "synth:000000123".
std::string synthetic_id(std::uint64_t n);

}  // namespace gazette::generator
