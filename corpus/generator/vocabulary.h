// The words body text is drawn from, ranked by frequency: the hand-written common words
// first, then invented English-looking words ("brantelment", "quorish") that stand in for the
// long tail of a real archive's vocabulary. Draws are Zipf over the ranks.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "corpus/generator/random.h"
#include "corpus/generator/zipf.h"

namespace gazette::generator {

class Vocabulary {
  public:
    // `size` words in all (at least the common list's length). The invented tail is built
    // from a fixed internal seed, not the corpus seed, so every corpus shares one vocabulary
    // and benchmark queries written against one seed work against any other.
    Vocabulary(std::size_t size, double zipf_exponent);

    const std::string& draw(Rng& rng) const { return words_[zipf_.sample(rng)]; }
    // A draw skipping the commonest ranks: content words for headlines. `real_only` keeps
    // to the hand-written words, so that headlines are mostly readable.
    const std::string& draw_content(Rng& rng, bool real_only) const;

    const std::string& at_rank(std::size_t rank) const { return words_[rank]; }
    std::size_t size() const { return words_.size(); }

  private:
    std::vector<std::string> words_;
    std::size_t real_words_ = 0;  // ranks below this are the hand-written common words
    ZipfSampler zipf_;
};

}  // namespace gazette::generator
