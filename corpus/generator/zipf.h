// Zipf-distributed ranks: P(rank k) ∝ 1 / k^s over k = 1..n. Word frequencies in news text
// (and how often people, places and organisations are named) follow this shape closely,
// which is what makes posting-list lengths in a benchmark look like a real archive's.
#pragma once

#include <cstddef>
#include <vector>

#include "corpus/generator/random.h"

namespace gazette::generator {

class ZipfSampler {
  public:
    // n ≥ 1 ranks, exponent s > 0 (1.0 is classic Zipf).
    ZipfSampler(std::size_t n, double s);

    // A 0-based rank: 0 is the most frequent.
    std::size_t sample(Rng& rng) const;

    std::size_t size() const { return cdf_.size(); }

  private:
    // cdf_[k] = P(rank ≤ k), precomputed once so each draw is one binary search.
    std::vector<double> cdf_;
};

}  // namespace gazette::generator
